package org.opencxm.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.opencxm.interactions.InteractionRequest;
import org.opencxm.org.StaffRequest;

/**
 * Everything the demo generates rather than reads from the catalogue: staff names, and
 * the customers of the three companies with a year of contacts each. Pure: the same
 * catalogue and day give the same result.
 */
final class DemoPopulation {

	/** The demo companies work in China; their customers' days follow this clock. */
	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final DemoCatalog catalog;

	private final Names names;

	private final RealEstateCustomers realEstate;

	private final BankCustomers bank;

	private final PhoneCustomers phone;

	DemoPopulation(DemoCatalog catalog, DemoStory story, Names names, Instant now) {
		this.catalog = catalog;
		this.names = names;
		LocalDate today = LocalDate.ofInstant(now, ZONE);
		Scene scene = new Scene(catalog, new Roster(catalog), story, new Personas(names, today), today, ZONE);
		this.realEstate = new RealEstateCustomers(scene);
		this.bank = new BankCustomers(scene);
		this.phone = new PhoneCustomers(scene);
	}

	/**
	 * The staff of every unit, named, in catalogue order.
	 */
	List<StaffRequest> staff() {
		List<StaffRequest> staff = new ArrayList<>();
		for (DemoCatalog.Unit unit : this.catalog.allUnits()) {
			for (DemoCatalog.StaffRole role : this.catalog.staffing(unit)) {
				for (int n = 1; n <= role.count(); n++) {
					Dice dice = Dice.of("staff", staff.size());
					staff.add(new StaffRequest(DemoCatalog.staffCode(unit.code(), role.role(), n), unit.code(),
							this.names.chinese(dice.random()).name(), role.titleText(), null, null, role.isManager(),
							null));
				}
			}
		}
		return staff;
	}

	/**
	 * The customers of Huafu, Hengxin and Xingyao, in that order.
	 */
	List<DemoCustomer> customers() {
		List<DemoCustomer> customers = new ArrayList<>(
				RealEstateCustomers.COUNT + BankCustomers.COUNT + PhoneCustomers.COUNT);
		for (int i = 0; i < RealEstateCustomers.COUNT; i++) {
			customers.add(this.realEstate.customer(i));
		}
		for (int i = 0; i < BankCustomers.COUNT; i++) {
			customers.add(this.bank.customer(i));
		}
		for (int i = 0; i < PhoneCustomers.COUNT; i++) {
			customers.add(this.phone.customer(i));
		}
		return customers;
	}

	/**
	 * The contacts of all customers, customer by customer and each customer's in the
	 * order they happened, as a CRM would export them. Sent in this order, a customer's
	 * contacts mostly share one batch, so its journey is advanced once rather than in
	 * every batch of the year.
	 */
	static List<InteractionRequest> contacts(List<DemoCustomer> customers) {
		return customers.stream().flatMap((customer) -> customer.contacts().stream()).toList();
	}

}
