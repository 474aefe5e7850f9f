package org.opencxm.org;

/**
 * What an org unit is in the company's structure.
 */
public enum OrgUnitKind {

	COMPANY, REGION, AREA, STORE, BRANCH, PROJECT, DEPARTMENT, TEAM

}
