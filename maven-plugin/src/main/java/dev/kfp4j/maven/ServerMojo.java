package dev.kfp4j.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugins.annotations.Parameter;

/** Goals that talk to KFP: where it is and how to authenticate (tokens come from the config or KFP4J_TOKEN). */
abstract class ServerMojo extends Kfp4jMojo {
  /** The KFP API endpoint (else the config's {@code host}, else {@code KF_PIPELINES_ENDPOINT}). */
  @Parameter(property = "kfp4j.host")
  String host;

  /** The namespace in multi-user Kubeflow. */
  @Parameter(property = "kfp4j.namespace")
  String namespace;

  /** {@code v2beta1} (KFP 2 pipelines) or {@code v1beta1} (KFP v1 pipelines; the default), else the config's {@code api_version}. */
  @Parameter(property = "kfp4j.apiVersion")
  String apiVersion;

  /** A file holding a bearer token, read at each request. */
  @Parameter(property = "kfp4j.tokenFile")
  File tokenFile;

  /** Cookies to send (Dex). */
  @Parameter(property = "kfp4j.cookies")
  String cookies;

  /** Headers to send, for a proxy in front of KFP. */
  @Parameter
  Map<String, String> headers = new LinkedHashMap<>();

  /** Google IAP's OAuth client id. */
  @Parameter(property = "kfp4j.iapClientId")
  String iapClientId;

  /** A PEM file of CA certificates to trust. */
  @Parameter(property = "kfp4j.caCert")
  File caCert;

  /**
   * Whether to check the server's https certificate: true not at all (a test cluster only), {@code -k/--insecure-skip-verify};
   * false checks it whatever the config file says, {@code --no-insecure-skip-verify}; unset, as the config file says.
   */
  @Parameter(property = "kfp4j.insecureSkipVerify")
  Boolean insecureSkipVerify;

  /** {@code table} or {@code json}, for the goals that print what the server answered (not {@code ui}). */
  @Parameter(property = "kfp4j.output", defaultValue = "table")
  String output;

  ServerMojo(String command) {
    super(command, true);
  }

  abstract List<String> goalArguments();

  /** Whether the goal's command prints what the server answered, as a table or JSON ({@code --output}). */
  boolean printsAnswers() {
    return true;
  }

  @Override
  final List<String> arguments() {
    List<String> args = new ArrayList<>();
    option(args, "--host", host);
    option(args, "--namespace", namespace);
    option(args, "--api-version", apiVersion);
    option(args, "--token-file", tokenFile);
    option(args, "--cookies", cookies);
    headers.forEach((k, v) -> option(args, "--header", k + "=" + v));
    option(args, "--iap-client-id", iapClientId);
    option(args, "--ca-cert", caCert);
    if (insecureSkipVerify != null) {
      args.add(insecureSkipVerify ? "--insecure-skip-verify" : "--no-insecure-skip-verify");
    }
    if (printsAnswers()) {
      option(args, "--output", output);
    }
    args.addAll(goalArguments());
    return args;
  }
}
