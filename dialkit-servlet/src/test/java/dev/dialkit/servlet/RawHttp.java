package dev.dialkit.servlet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket, for requests no HTTP client sends as they are: repeated headers, a
 * declared length with no body behind it, a chunked body that never ends. The socket times out
 * after five seconds, so a server that waits for a body it should not read fails the test.
 */
final class RawHttp {
  /** The status line's code, and the whole response as text. */
  record Response(int status, String text) {}

  private RawHttp() {}

  /**
   * Sends {@code head} (request line and headers, CRLF-separated, without the blank line) and
   * {@code body}; with {@code endRequest} false, the connection stays open after the body.
   */
  static Response send(int port, String head, byte[] body, boolean endRequest) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      out.write((head + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      if (endRequest) {
        socket.shutdownOutput();
      }
      String text = readHead(socket.getInputStream());
      int status = Integer.parseInt(text.substring(9, 12));
      return new Response(status, text);
    }
  }

  static Response send(int port, String head, String body) throws IOException {
    return send(port, head, body.getBytes(StandardCharsets.UTF_8), false);
  }

  /** The status line and headers, up to the blank line. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int state = 0;
    while (state < 4) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
      state = (b == '\r' && state % 2 == 0) || (b == '\n' && state % 2 == 1) ? state + 1 : 0;
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }
}
