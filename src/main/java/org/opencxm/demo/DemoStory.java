package org.opencxm.demo;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import org.jspecify.annotations.Nullable;
import org.opencxm.shared.LocalizedText;

import org.springframework.stereotype.Component;

/**
 * The story the demo data tells: how good the experience is at each touchpoint of each
 * unit. Most places are decent with some variation; a few spots are clearly weak or
 * clearly strong, so that dashboards, driver analysis and alerts have something real to
 * find. The same answer every time, for interactions now and for survey scores and
 * comments later.
 */
@Component
public class DemoStory {

	/** Where nothing special is going on. */
	static final double TYPICAL = 0.74;

	private static final List<Spot> SPOTS = List.of(spot("huafu-cq-yuzhou", "re-handover-inspection", 0.22,
			"重庆·渝州华庭交房验房问题多：渗水、墙面开裂、门窗密封不严，业主平均每户发现 8 处以上缺陷。",
			"Handover inspections at Chongqing Yuzhou Court turn up many defects (water seepage, cracked walls, "
					+ "badly sealed windows): owners find eight or more per home on average."),
			spot("huafu-cq-yuzhou", "re-rectification", 0.30, "重庆·渝州华庭维修整改拖延，业主多次跑现场才能修好。",
					"Defect repairs at Chongqing Yuzhou Court drag on: owners come back again and again before "
							+ "things are fixed."),
			spot(null, "re-progress-report", 0.38, "所有项目的工程进度播报都偏弱：月报经常推迟、内容空泛、缺少现场照片，业主从业主群里才得知工期变化。",
					"Construction progress updates are weak at every project: the monthly report goes out late, says "
							+ "little, has few site photos, and owners hear of schedule changes from each other."),
			spot("hengxin-bj-wangjing", "bk-queue-ticket", 0.25, "恒信银行望京支行排队时间长：午间只开两个窗口，客户平均等候半小时以上。",
					"Hengxin Bank's Wangjing sub-branch has long queues: only two counters open at lunchtime and "
							+ "customers wait more than half an hour on average."),
			spot("xingyao-service", "ph-repair-turnaround", 0.28, "星耀售后维修中心时效慢：承诺 3 天取机，实际常需 7 到 10 天，且不提供备用机。",
					"Xingyao's repair centre is slow: pick-up is promised in three days but often takes seven to ten, "
							+ "and there is no loaner phone."),
			spot("xingyao-sh-flagship", "ph-hands-on", 0.95, "上海南京路旗舰店的上手试用出色：顾问带每位顾客体验拍照和游戏，平均停留 25 分钟。",
					"The hands-on trial at the Shanghai Nanjing Road flagship store is excellent: consultants take "
							+ "every visitor through camera and gaming, and visitors stay 25 minutes on average."),
			spot("huafu-hz-westlake", "re-demo-area", 0.94, "杭州·西湖华庭的景观示范区广受好评：水景与园林让客户驻足拍照。",
					"The landscape demo area at Hangzhou West Lake Court delights visitors: the water features and "
							+ "gardens make them stop and take photos."),
			spot("hengxin-sh-lujiazui", "bk-counter", 0.93, "恒信银行陆家嘴支行把柜面七步服务法（迎问接办销递送）执行到位。",
					"Hengxin Bank's Lujiazui sub-branch runs the seven-step counter service (greet, ask, receive, "
							+ "handle, offer, hand over, see off) in full, every time."),
			spot("huafu-sz-bay", "re-community-events", 0.92, "深圳·湾区华府社区活动丰富，邻里节和亲子活动让业主很有归属感。",
					"Community events at Shenzhen Bay Mansion are rich: the neighbourhood festival and family days "
							+ "give owners a real sense of belonging."));

	/**
	 * How good the experience at a touchpoint of a unit is, from 0 (very poor) to 1
	 * (excellent). A spot of the story answers its own quality; anywhere else the answer
	 * is near {@value #TYPICAL}, varied a little by unit and touchpoint.
	 */
	public double quality(String unitCode, String touchpointCode) {
		Optional<Spot> spot = spotAt(unitCode, touchpointCode);
		if (spot.isPresent()) {
			return spot.get().quality();
		}
		double unitShift = (random(unitCode).nextDouble() - 0.5) * 0.08;
		double variation = (random(unitCode + "/" + touchpointCode).nextDouble() - 0.5) * 0.12;
		return Math.clamp(TYPICAL + unitShift + variation, 0.0, 1.0);
	}

	/**
	 * The spot of the story at this unit and touchpoint, if there is one: one that names
	 * the unit wins over one that holds everywhere.
	 */
	public Optional<Spot> spotAt(String unitCode, String touchpointCode) {
		Spot everywhere = null;
		for (Spot spot : SPOTS) {
			if (spot.touchpointCode().equals(touchpointCode)) {
				if (unitCode.equals(spot.unitCode())) {
					return Optional.of(spot);
				}
				if (spot.unitCode() == null) {
					everywhere = spot;
				}
			}
		}
		return Optional.ofNullable(everywhere);
	}

	/** Every spot of the story, the weak ones first. */
	public List<Spot> spots() {
		return SPOTS;
	}

	public List<Spot> weakSpots() {
		return SPOTS.stream().filter(Spot::weak).toList();
	}

	public List<Spot> strongSpots() {
		return SPOTS.stream().filter((spot) -> !spot.weak()).toList();
	}

	private static SplittableRandom random(String key) {
		// String.hashCode is fixed by the language specification, so this is stable
		// across runs and JVMs.
		return new SplittableRandom(key.hashCode() * 0x9E3779B97F4A7C15L);
	}

	private static Spot spot(@Nullable String unit, String touchpoint, double quality, String zh, String en) {
		return new Spot(unit, touchpoint, quality, new LocalizedText(zh, en));
	}

	/**
	 * A place where the experience is clearly weak or clearly strong, and why.
	 *
	 * @param unitCode the unit, or {@code null} where it holds at every unit
	 * @param touchpointCode the touchpoint
	 * @param quality from 0 (very poor) to 1 (excellent)
	 * @param explanation what customers meet there, in both languages
	 */
	public record Spot(@Nullable String unitCode, String touchpointCode, double quality, LocalizedText explanation) {

		public boolean weak() {
			return this.quality < 0.5;
		}

	}

}
