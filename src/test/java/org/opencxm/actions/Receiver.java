package org.opencxm.actions;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on a free local port that answers 500 to its first {@code failures}
 * requests and 204 after that, and keeps every request it got.
 */
final class Receiver implements AutoCloseable {

	record Request(String body, String signature, String event, String eventId) {
	}

	final List<Request> requests = new CopyOnWriteArrayList<>();

	private final HttpServer server;

	private final AtomicInteger failuresLeft;

	Receiver(int failures) throws IOException {
		this.failuresLeft = new AtomicInteger(failures);
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/hook", (exchange) -> {
			try (InputStream in = exchange.getRequestBody()) {
				String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				this.requests.add(new Request(body, exchange.getRequestHeaders().getFirst("X-OpenCXM-Signature"),
						exchange.getRequestHeaders().getFirst("X-OpenCXM-Event"),
						exchange.getRequestHeaders().getFirst("X-OpenCXM-Event-Id")));
			}
			int status = (this.failuresLeft.getAndDecrement() > 0) ? 500 : 204;
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hook";
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
