package dev.dialkit.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.LeadId;
import dev.dialkit.campaign.TenantId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class IdJsonTest {
  private final ObjectMapper mapper =
      new ObjectMapper().registerModule(DialkitJacksonModule.create());

  /** A host's request body holding ids. */
  record Body(CampaignId campaign, List<LeadId> leads) {}

  @Test
  void everyIdRecordOfTheCorePackageIsAPlainStringBothWays() throws Exception {
    List<Class<?>> ids = idTypes();
    assertThat(ids).contains(CampaignId.class, TenantId.class, LeadId.class, CallId.class);
    for (Class<?> type : ids) {
      Object id = type.getDeclaredConstructor(String.class).newInstance("x-1.2:3_4");
      String json = mapper.writeValueAsString(id);
      assertThat(json).as(type.getSimpleName()).isEqualTo("\"x-1.2:3_4\"");
      assertThat(mapper.readValue(json, type)).as(type.getSimpleName()).isEqualTo(id);
    }
  }

  @Test
  void idsInsideAHostsTypesAndAsMapKeysRoundTrip() throws Exception {
    Body body = new Body(CampaignId.of("cmp-1"), List.of(LeadId.of("a"), LeadId.of("b")));
    String json = mapper.writeValueAsString(body);
    assertThat(json).isEqualTo("{\"campaign\":\"cmp-1\",\"leads\":[\"a\",\"b\"]}");
    assertThat(mapper.readValue(json, Body.class)).isEqualTo(body);

    Map<CampaignId, Integer> byCampaign = Map.of(CampaignId.of("cmp-1"), 3);
    String map = mapper.writeValueAsString(byCampaign);
    assertThat(map).isEqualTo("{\"cmp-1\":3}");
    assertThat(mapper.readValue(map, new TypeReference<Map<CampaignId, Integer>>() {}))
        .isEqualTo(byCampaign);
  }

  @Test
  void anInvalidIdIsATypedErrorNamingThePathAndTheRule() {
    assertThatThrownBy(
            () -> mapper.readValue("{\"campaign\":\"bad id\\n\",\"leads\":[]}", Body.class))
        .isInstanceOfSatisfying(
            InvalidFormatException.class,
            e -> {
              assertThat(e.getTargetType()).isEqualTo(CampaignId.class);
              assertThat(e.getPathReference()).contains("campaign");
              assertThat(e.getOriginalMessage())
                  .startsWith("Invalid CampaignId: campaign id must be 1 to 128 characters")
                  .contains("\\n") // escaped by the core, not a raw line break
                  .doesNotContain("\n");
            });
    assertThatThrownBy(
            () -> mapper.readValue("{\"campaign\":\"c\",\"leads\":[\"ok\",\"\"]}", Body.class))
        .isInstanceOfSatisfying(
            InvalidFormatException.class,
            e -> assertThat(e.getPathReference()).contains("leads").contains("[1]"));
    assertThatThrownBy(() -> mapper.readValue("{\"campaign\":42,\"leads\":[]}", Body.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("CampaignId");
    assertThatThrownBy(
            () -> mapper.readValue("{\"bad key\":1}", new TypeReference<Map<LeadId, Integer>>() {}))
        .isInstanceOf(InvalidFormatException.class)
        .hasMessageContaining("lead id must be");
  }

  /** Every {@code *Id} record in the core's root package, found on the class path. */
  private static List<Class<?>> idTypes() throws URISyntaxException, IOException {
    Path root =
        Path.of(CampaignId.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    String pkg = CampaignId.class.getPackageName();
    try (Stream<String> names = classNames(root, pkg)) {
      return names
          .filter(n -> n.endsWith("Id") && !n.contains("$"))
          .map(n -> load(pkg + "." + n))
          .<Class<?>>map(c -> c)
          .filter(Class::isRecord)
          .toList();
    }
  }

  private static Stream<String> classNames(Path root, String pkg) throws IOException {
    String dir = pkg.replace('.', '/');
    if (Files.isDirectory(root)) {
      return Files.list(root.resolve(dir))
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".class"))
          .map(n -> n.substring(0, n.length() - ".class".length()));
    }
    java.util.jar.JarFile jar = new java.util.jar.JarFile(root.toFile());
    return jar.stream()
        .map(java.util.zip.ZipEntry::getName)
        .filter(n -> n.startsWith(dir + "/") && n.endsWith(".class"))
        .map(n -> n.substring(dir.length() + 1, n.length() - ".class".length()))
        .filter(n -> !n.contains("/"))
        .onClose(
            () -> {
              try {
                jar.close();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }
}
