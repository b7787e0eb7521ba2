package dev.dialkit.servlet;

import jakarta.servlet.Servlet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;

/** An embedded Tomcat on a free port, serving the given servlets at their mappings. */
final class TomcatServer implements AutoCloseable {
  private final Tomcat tomcat = new Tomcat();

  TomcatServer(Map<String, Servlet> servletsByMapping) {
    try {
      tomcat.setBaseDir(Files.createTempDirectory("dialkit-tomcat").toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    tomcat.setPort(0);
    tomcat.getConnector(); // the default HTTP/1.1 connector
    Context context = tomcat.addContext("", null);
    int i = 0;
    for (Map.Entry<String, Servlet> e : servletsByMapping.entrySet()) {
      String name = "servlet" + i++;
      Tomcat.addServlet(context, name, e.getValue());
      context.addServletMappingDecoded(e.getKey(), name);
    }
    try {
      tomcat.start();
    } catch (LifecycleException e) {
      throw new IllegalStateException(e);
    }
  }

  int port() {
    return tomcat.getConnector().getLocalPort();
  }

  @Override
  public void close() throws LifecycleException {
    tomcat.stop();
    tomcat.destroy();
  }
}
