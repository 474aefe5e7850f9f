package org.opencxm.analytics;

import java.util.Arrays;
import java.util.List;

/**
 * R's {@code swiss} data set (Mosteller and Tukey 1977): fertility and socio-economic
 * indicators of 47 French-speaking Swiss provinces around 1888, the data set the relative
 * importance literature (Grömping 2006, relaimpo) illustrates itself with. Each row holds
 * Agriculture, Examination, Education, Catholic, Infant.Mortality and then Fertility, the
 * outcome.
 */
final class Swiss {

	static final List<String> DRIVERS = List.of("Agriculture", "Examination", "Education", "Catholic",
			"Infant.Mortality");

	static final double[][] ROWS = { { 17, 15, 12, 9.96, 22.2, 80.2 }, // Courtelary
			{ 45.1, 6, 9, 84.84, 22.2, 83.1 }, // Delemont
			{ 39.7, 5, 5, 93.4, 20.2, 92.5 }, // Franches-Mnt
			{ 36.5, 12, 7, 33.77, 20.3, 85.8 }, // Moutier
			{ 43.5, 17, 15, 5.16, 20.6, 76.9 }, // Neuveville
			{ 35.3, 9, 7, 90.57, 26.6, 76.1 }, // Porrentruy
			{ 70.2, 16, 7, 92.85, 23.6, 83.8 }, // Broye
			{ 67.8, 14, 8, 97.16, 24.9, 92.4 }, // Glane
			{ 53.3, 12, 7, 97.67, 21, 82.4 }, // Gruyere
			{ 45.2, 16, 13, 91.38, 24.4, 82.9 }, // Sarine
			{ 64.5, 14, 6, 98.61, 24.5, 87.1 }, // Veveyse
			{ 62, 21, 12, 8.52, 16.5, 64.1 }, // Aigle
			{ 67.5, 14, 7, 2.27, 19.1, 66.9 }, // Aubonne
			{ 60.7, 19, 12, 4.43, 22.7, 68.9 }, // Avenches
			{ 69.3, 22, 5, 2.82, 18.7, 61.7 }, // Cossonay
			{ 72.6, 18, 2, 24.2, 21.2, 68.3 }, // Echallens
			{ 34, 17, 8, 3.3, 20, 71.7 }, // Grandson
			{ 19.4, 26, 28, 12.11, 20.2, 55.7 }, // Lausanne
			{ 15.2, 31, 20, 2.15, 10.8, 54.3 }, // La Vallee
			{ 73, 19, 9, 2.84, 20, 65.1 }, // Lavaux
			{ 59.8, 22, 10, 5.23, 18, 65.5 }, // Morges
			{ 55.1, 14, 3, 4.52, 22.4, 65 }, // Moudon
			{ 50.9, 22, 12, 15.14, 16.7, 56.6 }, // Nyone
			{ 54.1, 20, 6, 4.2, 15.3, 57.4 }, // Orbe
			{ 71.2, 12, 1, 2.4, 21, 72.5 }, // Oron
			{ 58.1, 14, 8, 5.23, 23.8, 74.2 }, // Payerne
			{ 63.5, 6, 3, 2.56, 18, 72 }, // Paysd'enhaut
			{ 60.8, 16, 10, 7.72, 16.3, 60.5 }, // Rolle
			{ 26.8, 25, 19, 18.46, 20.9, 58.3 }, // Vevey
			{ 49.5, 15, 8, 6.1, 22.5, 65.4 }, // Yverdon
			{ 85.9, 3, 2, 99.71, 15.1, 75.5 }, // Conthey
			{ 84.9, 7, 6, 99.68, 19.8, 69.3 }, // Entremont
			{ 89.7, 5, 2, 100, 18.3, 77.3 }, // Herens
			{ 78.2, 12, 6, 98.96, 19.4, 70.5 }, // Martigwy
			{ 64.9, 7, 3, 98.22, 20.2, 79.4 }, // Monthey
			{ 75.9, 9, 9, 99.06, 17.8, 65 }, // St Maurice
			{ 84.6, 3, 3, 99.46, 16.3, 92.2 }, // Sierre
			{ 63.1, 13, 13, 96.83, 18.1, 79.3 }, // Sion
			{ 38.4, 26, 12, 5.62, 20.3, 70.4 }, // Boudry
			{ 7.7, 29, 11, 13.79, 20.5, 65.7 }, // La Chauxdfnd
			{ 16.7, 22, 13, 11.22, 18.9, 72.7 }, // Le Locle
			{ 17.6, 35, 32, 16.92, 23, 64.4 }, // Neuchatel
			{ 37.6, 15, 7, 4.97, 20, 77.6 }, // Val de Ruz
			{ 18.7, 25, 7, 8.65, 19.5, 67.6 }, // ValdeTravers
			{ 1.2, 37, 53, 42.34, 18, 35 }, // V. De Geneve
			{ 46.6, 16, 29, 50.43, 18.2, 44.7 }, // Rive Droite
			{ 27.7, 22, 29, 58.33, 19.3, 42.8 }, // Rive Gauche
	};

	private Swiss() {
	}

	static double[] drivers(double[] row) {
		return Arrays.copyOf(row, 5);
	}

	static double outcome(double[] row) {
		return row[5];
	}

	static CrossProducts crossProducts() {
		CrossProducts.Accumulator accumulator = CrossProducts.accumulator(5);
		for (double[] row : ROWS) {
			accumulator.add(drivers(row), outcome(row));
		}
		return accumulator.toCrossProducts();
	}

}
