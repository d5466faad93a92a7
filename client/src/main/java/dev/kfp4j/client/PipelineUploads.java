package dev.kfp4j.client;

import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/**
 * Sends pipeline files to KFP for {@link KfpClient}: a new pipeline, whose first version KFP names or, with v2beta1, a
 * new pipeline made empty and then given its first version of a name given; a new version of a pipeline.
 */
final class PipelineUploads {
  private final KfpClient kfp;
  private final Http http;
  private final KfpAnswers answers;
  private final String api;
  private final boolean v2;

  PipelineUploads(KfpClient kfp, Http http, KfpAnswers answers, String api, boolean v2) {
    this.kfp = kfp;
    this.http = http;
    this.answers = answers;
    this.api = api;
    this.v2 = v2;
  }

  /** {@link KfpClient#uploadPipeline(String, String, String)}: KFP names the first version (as the pipeline). */
  Pipeline pipeline(String name, String description, String workflowYaml) {
    Http.Query q = Http.query().add("name", name).add(v2 ? "display_name" : "description", v2 ? name : description);
    if (v2) {
      q.add("description", description);
    }
    q.add("namespace", kfp.namespace());
    Pipeline p = answers.pipeline(http.upload(api + "/pipelines/upload", q, "uploadfile", name + ".yaml",
        file("pipeline " + name, workflowYaml)));
    if (p.defaultVersionId() == null) {
      String version = kfp.latestVersion(p.id()).map(PipelineVersion::id).orElse(null);
      p = new Pipeline(p.id(), p.name(), p.description(), p.createdAt(), version);
    }
    return p;
  }

  /**
   * {@link KfpClient#uploadPipeline(String, String, String, String)}: v2beta1's {@code CreatePipeline} ({@code POST
   * /pipelines}, a pipeline with no version), then the file as its first version ({@code upload_version}). Should that
   * upload fail, the pipeline made for it is deleted again, and the error says so; should the delete fail too, the error
   * says what is left and how to remove it.
   */
  Pipeline pipeline(String name, String description, String versionName, String workflowYaml) {
    if (!v2) {
      throw new IllegalArgumentException("KFP's v1beta1 API names a new pipeline's first version itself, as the pipeline, and "
          + "takes no name for it: upload pipeline " + name + " without version name " + versionName + ", or use api version "
          + "v2beta1 (KFP 2)");
    }
    byte[] file = file("pipeline version " + versionName, workflowYaml); // before anything is made
    Pipeline p = answers.pipeline(http.post(api + "/pipelines", Http.query(),
        KfpRequests.pipeline(name, description, kfp.namespace())));
    PipelineVersion v;
    try {
      v = version(p.id(), versionName, description, file);
    } catch (KfpException e) {
      throw new KfpException(e.status(), e.getMessage() + "; " + removed(p), e);
    }
    return new Pipeline(p.id(), p.name(), p.description(), p.createdAt(), v.id());
  }

  /** The pipeline {@code p}, made for a version that failed to upload, deleted again; what is left, said. */
  private String removed(Pipeline p) {
    try {
      http.delete(api + "/pipelines/" + p.id(), Http.query().add("cascade", true));
      return "pipeline " + p.name() + ", made for this version, was deleted again: nothing is left on the server";
    } catch (KfpException e) {
      return "pipeline " + p.name() + " (id " + p.id() + "), made for this version, is left on the server with no version, as "
          + "deleting it failed (" + e.getMessage() + "): an upload again gives it a first version; else delete it "
          + "(kfp4j pipelines delete " + p.id() + ", or in KFP's UI)";
    }
  }

  /** {@link KfpClient#uploadPipelineVersion}. */
  PipelineVersion version(String pipelineId, String versionName, String description, String workflowYaml) {
    return version(pipelineId, versionName, description, file("pipeline version " + versionName, workflowYaml));
  }

  private PipelineVersion version(String pipelineId, String versionName, String description, byte[] file) {
    Http.Query q = Http.query().add("name", versionName);
    if (v2) {
      q.add("display_name", versionName);
    }
    q.add("pipelineid", pipelineId).add("description", description);
    JsonNode answer = http.upload(api + "/pipelines/upload_version", q, "uploadfile", versionName + ".yaml", file);
    return answers.version(answer, pipelineId);
  }

  /**
   * The file an upload sends. KFP refuses one over 32 MiB ({@code common.MaxFileLength}, {@code loadFile} in
   * backend/src/apiserver/server/util.go) with only "Failed to read a pipeline spec file" ({@code uploadPipeline}).
   *
   * @throws IllegalArgumentException for a larger one, saying what to do; nothing is sent
   */
  static byte[] file(String what, String workflowYaml) {
    byte[] file = workflowYaml.getBytes(StandardCharsets.UTF_8);
    if (file.length > KfpClient.MAX_FILE_LENGTH) {
      throw new IllegalArgumentException(what + " is " + file.length + " bytes compiled, over the " + KfpClient.MAX_FILE_LENGTH
          + " (32 MiB) KFP takes for a pipeline file: move what it embeds (notebooks, code, data) into the image or an object store");
    }
    return file;
  }
}
