package uk.safeguarding.explorer.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for what a normal client will not send: a forged {@code Host}
 * header, or a request from another loopback address (127.0.0.x), so that a test can act as a
 * different client address without touching the one every other test uses.
 */
public final class RawHttp {

    private final int port;
    private final String from;

    /** Requests from the given loopback address (e.g. 127.0.0.7) to the application's port. */
    public RawHttp(int port, String from) {
        this.port = port;
        this.from = from;
    }

    /** A response: status, headers (lower-case names, every value) and body. */
    public record Response(int status, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            var values = headers.get(name.toLowerCase());
            return values == null ? null : values.get(0);
        }
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Sends the request; {@code headers} in order, {@code body} may be null. */
    public Response send(String method, String path, Map<String, String> headers, String body) {
        var bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        var text = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
        var all = new LinkedHashMap<String, String>();
        all.put("Host", "127.0.0.1:" + port);
        all.putAll(headers);
        all.put("Connection", "close");
        if (body != null) {
            all.put("Content-Length", Integer.toString(bytes.length));
        }
        all.forEach((k, v) -> text.append(k).append(": ").append(v).append("\r\n"));
        text.append("\r\n");
        try (var socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(from), 0)) {
            var out = socket.getOutputStream();
            out.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.flush();
            var received = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(received);
            return parse(received.toString(StandardCharsets.ISO_8859_1), "HEAD".equals(method));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response parse(String raw, boolean head) {
        var end = raw.indexOf("\r\n\r\n");
        var lines = raw.substring(0, end).split("\r\n");
        var status = Integer.parseInt(lines[0].split(" ")[1]);
        var headers = new LinkedHashMap<String, List<String>>();
        for (int i = 1; i < lines.length; i++) {
            var colon = lines[i].indexOf(':');
            var name = lines[i].substring(0, colon).trim().toLowerCase();
            var value = lines[i].substring(colon + 1).trim();
            headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        var body = head ? "" : raw.substring(end + 4);
        if ("chunked"
                .equalsIgnoreCase(
                        headers.getOrDefault("transfer-encoding", List.of("")).get(0))) {
            body = unchunk(body);
        }
        // read byte for byte (chunk sizes count bytes), then as the UTF-8 it is
        return new Response(
                status, headers, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    private static String unchunk(String chunked) {
        var body = new StringBuilder();
        var rest = chunked;
        while (!rest.isEmpty()) {
            var lineEnd = rest.indexOf("\r\n");
            var size = Integer.parseInt(rest.substring(0, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            body.append(rest, lineEnd + 2, lineEnd + 2 + size);
            rest = rest.substring(lineEnd + 2 + size + 2);
        }
        return body.toString();
    }
}
