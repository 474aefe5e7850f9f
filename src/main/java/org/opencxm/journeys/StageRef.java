package org.opencxm.journeys;

/**
 * A stage's ids and its position in its journey (1 for the first stage).
 */
public record StageRef(long id, String code, long journeyId, int position) {

}
