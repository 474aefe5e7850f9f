package org.opencxm.journeys;

/**
 * The eight kinds of contact (接触类型) through which a company meets its customers.
 */
public enum ContactType {

	/** 广告 */
	ADVERTISING,
	/** 公关 */
	PUBLIC_RELATIONS,
	/** 人员 */
	PERSONNEL,
	/** 会议 */
	MEETING_EVENT,
	/** 委托 */
	ENTRUSTED_AGENT,
	/** 介质 */
	MEDIA_MATERIAL,
	/** 联盟 */
	ALLIANCE,
	/** 随机 */
	RANDOM

}
