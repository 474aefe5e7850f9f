package org.opencxm.surveys;

import org.opencxm.shared.LocalizedText;

/**
 * A ready survey in both languages that a new survey can start from.
 */
public record SurveyTemplate(String id, LocalizedText name, LocalizedText description, int questions) {

}
