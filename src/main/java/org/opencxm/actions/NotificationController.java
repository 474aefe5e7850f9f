package org.opencxm.actions;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.opencxm.shared.PageRequest;
import org.opencxm.shared.PageResult;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's inbox, and the webhook subscriptions with their delivery logs.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Notifications", description = "The in-app inbox and outbound webhooks for case events")
class NotificationController {

	private final Inbox inbox;

	private final Webhooks webhooks;

	NotificationController(Inbox inbox, Webhooks webhooks) {
		this.inbox = inbox;
		this.webhooks = webhooks;
	}

	@GetMapping("/inbox")
	PageResult<InboxMessage> inbox(@RequestParam(defaultValue = "true") boolean unread,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		return this.inbox.list(unread, PageRequest.of(page, size));
	}

	@PostMapping("/inbox/{id}/read")
	InboxMessage read(@PathVariable long id) {
		return this.inbox.markRead(id);
	}

	@PostMapping("/inbox/read-all")
	Map<String, Integer> readAll() {
		return Map.of("marked", this.inbox.markAllRead());
	}

	@GetMapping("/webhooks")
	List<WebhookSubscription> webhooks() {
		return this.webhooks.list();
	}

	@PostMapping("/webhooks")
	ResponseEntity<WebhookSubscription> subscribe(@Valid @RequestBody WebhookRequest request) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.webhooks.create(request));
	}

	@GetMapping("/webhooks/{id}")
	WebhookSubscription webhook(@PathVariable long id) {
		return this.webhooks.get(id);
	}

	@PutMapping("/webhooks/{id}")
	WebhookSubscription update(@PathVariable long id, @Valid @RequestBody WebhookRequest request) {
		return this.webhooks.update(id, request);
	}

	@DeleteMapping("/webhooks/{id}")
	ResponseEntity<Void> unsubscribe(@PathVariable long id) {
		this.webhooks.delete(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/webhooks/{id}/deliveries")
	PageResult<WebhookDelivery> deliveries(@PathVariable long id,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		return this.webhooks.deliveries(id, PageRequest.of(page, size));
	}

	@PostMapping("/webhooks/deliveries/{id}/replay")
	ResponseEntity<WebhookDelivery> replay(@PathVariable long id) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.webhooks.replay(id));
	}

}
