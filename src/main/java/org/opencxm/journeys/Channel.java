package org.opencxm.journeys;

/**
 * Where a contact takes place (渠道).
 */
public enum Channel {

	/** A store, branch, sales office or other site (门店). */
	STORE,
	/** 电话 */
	PHONE,
	/** 网站 */
	WEB,
	/** 应用 */
	APP,
	/** 微信 */
	WECHAT,
	/** 电子邮件 */
	EMAIL,
	/** 短信 */
	SMS,
	/** 活动 */
	EVENT,
	/** 媒体 */
	MEDIA,
	/** A dealer or agent acting for the company (代理). */
	AGENT

}
