package dev.genieheal.databricks.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The job JSON and the bundle must not drift from the job's real options. */
class JobDefinitionTest {
  private static final Pattern OPTION = Pattern.compile("--([a-z-]+)");
  private static final Pattern JOB_PARAM = Pattern.compile("\\{\\{job\\.parameters\\.([a-z_]+)}}");
  private static final Pattern ENV = Pattern.compile("(GENIE_HEAL_[A-Z_]+)");

  @Test
  void jobDefinition_usesTheMainClassAndOnlyKnownOptionsAndDeclaredParameters() throws IOException {
    JsonNode job = new ObjectMapper().readTree(Files.readString(Path.of("job/job_definition.json")));
    JsonNode task = job.path("tasks").get(0).path("spark_jar_task");
    assertThat(task.path("main_class_name").asText()).isEqualTo(EnhancementJob.class.getName());

    List<String> args = new ArrayList<>();
    task.path("parameters").forEach(p -> args.add(p.asText()));
    Set<String> declared = new HashSet<>();
    job.path("parameters").forEach(p -> declared.add(p.path("name").asText()));
    String joined = String.join(" ", args);

    assertThat(options(joined)).allSatisfy(o -> assertThat(JobOption.byName(o)).as(o).isNotNull());
    assertThat(matches(JOB_PARAM, joined)).allSatisfy(p -> assertThat(declared).contains(p));
    assertThat(matches(ENV, job.toString())).allSatisfy(e -> assertThat(envNames()).contains(e));
  }

  @Test
  void bundle_usesTheMainClassAndOnlyKnownOptions() throws IOException {
    String yaml = Files.readString(Path.of("databricks.yml"));

    assertThat(yaml).contains("main_class_name: " + EnhancementJob.class.getName());
    assertThat(options(yaml)).isNotEmpty().allSatisfy(o -> assertThat(JobOption.byName(o)).as(o).isNotNull());
    assertThat(matches(ENV, yaml)).allSatisfy(e -> assertThat(envNames()).contains(e));
  }

  private static Set<String> envNames() {
    Set<String> names = new HashSet<>();
    for (JobOption o : JobOption.values()) {
      names.add(o.envName());
    }
    return names;
  }

  private static List<String> options(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = OPTION.matcher(text);
    while (m.find()) {
      if (!m.group(1).equals("params")) {
        out.add(m.group(1));
      }
    }
    return out;
  }

  private static List<String> matches(Pattern p, String text) {
    List<String> out = new ArrayList<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
