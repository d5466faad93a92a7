package dev.kfp4j.cli;

import dev.kfp4j.client.ArgoClient;
import dev.kfp4j.client.Auth;
import dev.kfp4j.client.ClientBuilder;
import dev.kfp4j.client.KfpClient;
import dev.kfp4j.client.KfpException;
import dev.kfp4j.client.Redactor;
import dev.kfp4j.client.ShownUrl;
import dev.kfp4j.entrypoint.Credentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options the commands share, as picocli mixins. */
final class Options {
  private Options() {}

  /** {@code --config}: the project's {@code kfp4j.yaml}, read when present. */
  static class ConfigFile {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--config", paramLabel = "FILE",
        description = "The config file (default: ./kfp4j.yaml when it exists); see 'kfp4j init'.")
    Path file;

    private Config config;

    Config config() {
      if (config == null) {
        Path f = file != null ? file : Path.of(Config.FILE);
        checkGiven();
        config = Files.isRegularFile(f) ? Config.load(f, terms()) : Config.empty();
      }
      return config;
    }

    /**
     * Refuses a {@code --config} given that is not there, as {@link #config()} does: for a command that reads the file for
     * part of its work only ({@code validate} without {@code --image}, {@code ui --local}), so that a file named wrong is
     * said at once, as in every command, and not passed over.
     *
     * @throws ConfigException naming the file, and the command that writes one
     */
    void checkGiven() {
      if (file != null && !Files.isRegularFile(file)) {
        throw new ConfigException("no config file " + file + "; '" + terms().command("init", "<host>") + "' writes one");
      }
    }

    /** How this execution's messages name options and commands ({@link Kfp4j#terms}). */
    Terms terms() {
      return Kfp4j.terms(mixee);
    }
  }

  /** Where the server is and how to authenticate; options win over the config file, which wins over the environment. */
  static class Server extends ConfigFile {
    @Option(names = "--host", paramLabel = "URL", description = "The KFP API endpoint with its scheme, https://... or http://... "
        + "(else 'host' in the config, else KF_PIPELINES_ENDPOINT).")
    String host;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "Your namespace in multi-user Kubeflow.")
    String namespace;

    @Option(names = "--api-version", paramLabel = "V", description = "v2beta1 (KFP 2 pipelines) or v1beta1 (KFP v1 pipelines, "
        + "Argo workflows; the default); else 'api_version' in the config.")
    String apiVersion;

    @Option(names = "--token-file", paramLabel = "FILE", description = "A file holding a bearer token, read at each request. "
        + "A token itself is taken from KFP4J_TOKEN or the config, never from the command line.")
    Path tokenFile;

    @Option(names = "--cookies", paramLabel = "COOKIES", description = "Cookies to send, such as authservice_session=... (Dex).")
    String cookies;

    @Option(names = "--header", paramLabel = "NAME=VALUE", description = "A header to send, for a proxy in front of KFP; repeatable.")
    Map<String, String> headers = new LinkedHashMap<>();

    @Option(names = "--iap-client-id", paramLabel = "ID", description = "Google IAP's OAuth client id (else IAP_CLIENT_ID).")
    String iapClientId;

    @Option(names = "--ca-cert", paramLabel = "FILE", description = "A PEM file of CA certificates to trust.")
    Path caCert;

    @Option(names = {"-k", "--insecure-skip-verify"}, negatable = true, description = "Do not check the server's https "
        + "certificate (KFP's verify_ssl=False, the argo CLI's -k): for a test cluster only, whoever can intercept the "
        + "connection reads the credentials sent. Else 'auth.insecure_skip_verify' in the config; --no-insecure-skip-verify "
        + "checks it whatever the config or ARGO_INSECURE_SKIP_VERIFY say.")
    Boolean insecureSkipVerify;

    /** Where this execution's credentials go, to be hidden in every error it prints. */
    Redactor redactor() {
      Object root = mixee == null ? null : mixee.root().userObject();
      return root instanceof Kfp4j k ? k.redactor : new Redactor();
    }

    /** The KFP API: the option, else the config's {@code api_version}, else v1beta1. */
    KfpClient.ApiVersion apiVersion() {
      String v = first(apiVersion, config().apiVersion());
      if (v != null && !v.equals("v1beta1") && !v.equals("v2beta1")) {
        throw new ConfigException(terms().option("--api-version") + " is '" + v + "'; use v2beta1 (KFP 2 pipelines) or v1beta1 (KFP v1 pipelines)");
      }
      return "v2beta1".equals(v) ? KfpClient.ApiVersion.V2BETA1 : KfpClient.ApiVersion.V1BETA1;
    }

    /** Whether the command goes to an Argo Server instead ({@link ArgoServer}'s {@code --argo}). */
    boolean argo() {
      return false;
    }

    /** The form of pipeline the server takes: Argo workflows for an Argo Server and v1beta1, KFP 2 specs for v2beta1. */
    PipelineFormat format() {
      return !argo() && apiVersion() == KfpClient.ApiVersion.V2BETA1 ? PipelineFormat.KFP2 : PipelineFormat.ARGO;
    }

    KfpClient kfp() {
      Config c = config();
      checkHost(c);
      KfpClient.Builder b = KfpClient.builder().host(first(host, c.host())).namespace(first(namespace, c.namespace()))
          .redactor(redactor()).apiVersion(apiVersion()).options(terms()::option);
      tls(b, c);
      try {
        return b.auth(auth(c)).build();
      } catch (KfpException e) {
        throw new ConfigException(e.getMessage()); // no host, or not a URL: nothing was sent
      }
    }

    /**
     * Refuses the KFP host without its scheme ({@link #requireScheme}), from where it is taken: {@code --host}, else the config's
     * {@code host}, else {@value KfpClient#ENDPOINT_ENV}; none at all is the client's to say.
     */
    private void checkHost(Config c) {
      String env = System.getenv(KfpClient.ENDPOINT_ENV);
      if (first(host, null) != null) {
        requireScheme(host, terms().option("--host"));
      } else if (first(c.host(), null) != null) {
        requireScheme(c.host(), "host in " + c.file());
      } else if (first(env, null) != null) {
        requireScheme(env, KfpClient.ENDPOINT_ENV);
      }
    }

    /**
     * How {@code b}'s client checks the server's certificate: the CA certificate to trust ({@link #caCertificate}), or none
     * checked, from {@code -k}/{@code --no-insecure-skip-verify}, else the config's {@code auth.insecure_skip_verify}; when
     * neither says, left to the builder (an Argo Server's {@code ARGO_INSECURE_SKIP_VERIFY}).
     */
    void tls(ClientBuilder<?> b, Config c) {
      Boolean skip = insecureSkipVerify != null ? insecureSkipVerify : c.auth().insecureSkipVerify();
      if (skip != null) {
        b.insecureSkipVerify(skip);
      }
      String ca = caCertificate(c);
      if (ca != null) {
        b.caCertificate(Path.of(ca));
      }
    }

    /** The CA certificate file to trust, from --ca-cert or the config; one that is not there is a usage error naming where it was given. */
    String caCertificate(Config c) {
      String ca = caCert != null ? caCert.toString() : c.auth().caCert();
      if (ca != null && !(Files.isRegularFile(Path.of(ca)) && Files.isReadable(Path.of(ca)))) {
        throw new ConfigException("no CA certificate file " + (caCert != null ? ca : c.auth().shown("ca_cert", ca)) + " to read ("
            + (caCert != null ? terms().option("--ca-cert") : "auth.ca_cert")
            + "); name a PEM file of the certificates of the CA that signed the server's" + (Files.isDirectory(Path.of(ca))
            ? " (it is a folder)" : ""));
      }
      return ca;
    }

    Auth auth(Config c) {
      Map<String, String> allHeaders = new LinkedHashMap<>(c.auth().headers());
      allHeaders.putAll(headers);
      String token = first(System.getenv("KFP4J_TOKEN"), c.auth().token());
      if (token != null && token.strip().replaceFirst("(?i)^Bearer\\s+", "").matches(".*\\s.*")) { // its parts are not shown
        throw new ConfigException((System.getenv("KFP4J_TOKEN") != null ? "KFP4J_TOKEN" : "auth.token") + " is not a bearer token "
            + "(it holds a space): kfp4j sends it as 'Authorization: Bearer <token>', as KFP's client sends a token; for another "
            + "scheme, such as a proxy's Basic auth, send the header itself: " + terms().option("--header", "'Authorization=Basic ...'")
            + " or the config's auth.headers");
      }
      String tokenPath = tokenFile != null ? tokenFile.toString() : c.auth().tokenFile();
      String cookie = first(cookies, c.auth().cookies());
      String iap = first(iapClientId, first(c.auth().iapClientId(), System.getenv("IAP_CLIENT_ID")));
      Redactor redactor = redactor();
      redactor.add(token);
      redactor.add(System.getenv(ArgoClient.TOKEN_ENV));
      if (cookie != null) {
        redactor.addHeader("Cookie", cookie);
      }
      allHeaders.forEach(redactor::addHeader);
      List<String> chosen = new ArrayList<>();
      if (token != null) chosen.add("a token");
      if (tokenPath != null) chosen.add("a token file");
      if (cookie != null) chosen.add("cookies");
      if (iap != null) chosen.add("an IAP client id");
      if (chosen.size() > 1) {
        throw new ConfigException("choose one way to authenticate, not " + String.join(" and ", chosen));
      }
      if (tokenPath != null && !(Files.isRegularFile(Path.of(tokenPath)) && Files.isReadable(Path.of(tokenPath)))) {
        throw new ConfigException("no token file " + (tokenFile != null ? tokenPath : c.auth().shown("token_file", tokenPath))
            + " to read (" + (tokenFile != null ? terms().option("--token-file") : "auth.token_file")
            + ")" + (Files.isDirectory(Path.of(tokenPath)) ? ": it is a folder" : ""));
      }
      if (chosen.isEmpty()) { // as KFP's client in a pod: the service-account token KF_PIPELINES_SA_TOKEN_PATH names
        Path inCluster = ServiceAccountToken.find(System::getenv, ServiceAccountToken.DEFAULT);
        tokenPath = inCluster == null ? null : inCluster.toString();
      }
      Auth a = token != null ? Auth.bearer(token) : tokenPath != null ? Auth.tokenFile(Path.of(tokenPath))
          : cookie != null ? Auth.cookies(cookie) : iap != null ? Auth.iap(iap) : Auth.none();
      if (allHeaders.isEmpty()) {
        return a;
      }
      Auth base = a;
      return new Auth() {
        @Override
        public void apply(java.net.http.HttpRequest.Builder request) {
          base.apply(request);
          allHeaders.forEach(request::header);
        }

        @Override
        public String toString() {
          return base + " + headers " + allHeaders.keySet();
        }
      };
    }
  }

  /**
   * {@link Server}, or with {@code --argo} an Argo Server instead of KFP: for the commands that can
   * send a pipeline to plain Argo Workflows ({@code run-once}, {@code schedule}); the others do not
   * take the options, so their help does not list them.
   */
  static class ArgoServer extends Server {
    @Option(names = "--argo", description = "Go to an Argo Server instead of KFP (clusters with Argo Workflows only).")
    boolean argo;

    @Option(names = "--argo-server", paramLabel = "URL", description = "The Argo Server (else 'argo_server' in the config, else ARGO_SERVER).")
    String argoServer;

    @Override
    boolean argo() {
      return argo;
    }

    ArgoClient argoClient() {
      Config c = config();
      ArgoClient.Builder b = ArgoClient.builder().server(first(argoServer, c.argoServer())).namespace(first(namespace, c.namespace()))
          .redactor(redactor()).options(terms()::option);
      tls(b, c);
      Auth a = auth(c);
      if (!a.toString().equals("none")) {
        b.auth(a);
      }
      try {
        return b.build();
      } catch (KfpException e) {
        throw new ConfigException(e.getMessage());
      }
    }
  }

  /**
   * {@code -a name=value}: run arguments, checked against the pipeline's parameters by the command. A parameter given twice is a
   * usage error naming it, not its values (which may be credentials): picocli's map kept the last value without a word. One
   * without its {@code NAME=} is a usage error saying the form, not what was given ({@code -a hunter2} is a password). A value
   * that may be a credential ({@link Credentials}: {@code -a db_password=...}, a URL with a password), of four characters or
   * more, is hidden in every error the command prints, as the credentials it sends are: a server's answer may quote it.
   */
  static class Arguments {
    @Option(names = {"-a", "--arg"}, paramLabel = "NAME=VALUE", parameterConsumer = Once.class,
        description = "A pipeline argument; repeatable, once per parameter. Others take their defaults.")
    Map<String, String> arguments = new LinkedHashMap<>();

    /** Takes one {@code NAME=VALUE} into the option's map, refusing a name it holds already. */
    static final class Once implements picocli.CommandLine.IParameterConsumer {
      @Override
      @SuppressWarnings("unchecked")
      public void consumeParameters(java.util.Stack<String> args, picocli.CommandLine.Model.ArgSpec arg, CommandSpec command) {
        picocli.CommandLine.Model.OptionSpec option = (picocli.CommandLine.Model.OptionSpec) arg;
        if (args.isEmpty()) {
          throw new picocli.CommandLine.MissingParameterException(command.commandLine(), arg,
              "Missing required parameter for option '" + option.longestName() + "' (" + option.paramLabel() + ")");
        }
        String given = args.pop();
        int eq = given.indexOf('=');
        if (eq <= 0) { // what was given is not said: "-a hunter2" is a password typed where its NAME= was left out
          Terms terms = Kfp4j.terms(command);
          throw new picocli.CommandLine.ParameterException(command.commandLine(), "a pipeline argument (" + terms.option("-a/--arg")
              + ") has " + (eq == 0 ? "no name before '='" : "no '='") + "; write " + terms.option("-a", "NAME=VALUE")
              + ", a parameter's name and its value (what was given is not shown: it may hold a credential)");
        }
        String name = given.substring(0, eq);
        Map<String, String> map = arg.getValue();
        if (map == null) {
          map = new LinkedHashMap<>();
        }
        if (map.containsKey(name)) {
          throw new picocli.CommandLine.ParameterException(command.commandLine(), "pipeline argument '" + name
              + "' is given twice (" + Kfp4j.terms(command).option("-a/--arg") + "); give each parameter once");
        }
        String value = given.substring(eq + 1);
        if (value.strip().length() >= 4 && Credentials.mayHold(name, value)
            && command.root().userObject() instanceof Kfp4j k) { // a server's error may quote it; "1" would hide every 1
          k.redactor.add(value);
        }
        map.put(name, value);
        arg.setValue(map);
      }
    }
  }

  /** {@code --pin-image}: the Java steps name the image {@code kfp4j image} last pushed by its digest. */
  static class Pin {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--pin-image", description = "Name the image 'kfp4j image' last pushed by its digest (image@sha256:...) on the "
        + "Java steps, so the run uses exactly what was built.")
    boolean pin;

    /** {@code run}, pinned when asked. */
    Config.RunConfig run(Config.RunConfig run, Path classes) {
      return pin ? BuiltImage.pinned(run, classes, Kfp4j.terms(mixee)) : run;
    }
  }

  /** {@code --pipeline-root URI}: where a run keeps its artifacts, over the pipeline's own root (KFP 2 only). */
  static class PipelineRoot {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--pipeline-root", paramLabel = "URI", description = "Where the run keeps its artifacts (s3://bucket/root, "
        + "gs://...), instead of the pipeline's own root: KFP 2 pipelines (api_version v2beta1) only.")
    String root;

    /** The root given, or null; a usage error for a run of a KFP v1 pipeline, an Argo workflow ({@code argo}: on Argo itself). */
    String of(PipelineFormat format, boolean argo) {
      if (root != null && (argo || format == PipelineFormat.ARGO)) {
        throw new ConfigException(Kfp4j.terms(mixee).option("--pipeline-root") + " is KFP 2's: a KFP v1 pipeline, an Argo workflow, "
            + "keeps its artifacts in the cluster's artifact repository; run a KFP 2 pipeline (api_version: v2beta1)");
      }
      return root;
    }
  }

  /**
   * {@code --cache} / {@code --no-cache}: every task's caching for the run over the compiled tasks' own, as KFP's {@code
   * create_run_from_pipeline_*(enable_caching=True|False)} sets it in the package it sends: here in the file uploaded with the
   * run.
   */
  static class RunCaching {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--cache", negatable = true, description = "Turn caching on (--cache) or off (--no-cache) for every task "
        + "of the uploaded pipeline, over each task's own caching(...) (KFP's enable_caching); default: as compiled.")
    Boolean cache;

    /**
     * The caching given, or null; a usage error on an Argo Server ({@code argo}), which caches nothing kfp4j writes, and without
     * {@code uploaded}: the version run was uploaded before, and its file is not sent.
     */
    Boolean of(boolean argo, boolean uploaded) {
      if (cache == null) {
        return null;
      }
      Terms terms = Kfp4j.terms(mixee);
      String given = terms.option(cache ? "--cache" : "--no-cache");
      if (argo) {
        throw new ConfigException(given + " is KFP's: an Argo Server runs every task, caching none (KFP's cache keeps outputs); "
            + "run on KFP");
      }
      if (!uploaded) {
        throw new ConfigException(given + " sets caching in the pipeline file uploaded with the run, and the latest version, "
            + "uploaded before, is not sent again; add " + terms.option("--upload") + " to upload the pipeline with it");
      }
      return cache;
    }
  }

  /** {@code -o table|json}. */
  static class Output {
    enum Format { table, json }

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
        description = "table (default) or json.")
    Format format;

    boolean json() {
      return format == Format.json;
    }
  }

  /**
   * Refuses a KFP host that does not start with {@code http://} or {@code https://}, as a usage error saying to write the scheme;
   * {@code from} names where it was given ({@code --host}, a config file's {@code host}), or is null for {@code init}'s argument.
   * The client would take a host without one as {@code http://}: credentials sent in clear text to a host meant as https.
   *
   * @throws ConfigException showing the host as {@link ShownUrl} does, without the password it may carry
   */
  static void requireScheme(String host, String from) {
    String h = host.strip();
    if (h.regionMatches(true, 0, "http://", 0, 7) || h.regionMatches(true, 0, "https://", 0, 8)) {
      return;
    }
    String shown = ShownUrl.of(h);
    String given = "host '" + shown + "'" + (from == null ? "" : " (" + from + ")");
    throw new ConfigException(h.contains("://") ? given + " is not an http(s) address; write it as http(s)://host[:port][/path]"
        : given + " needs its scheme: write https://" + shown + ", or http://" + shown + " for a server without TLS");
  }

  static String first(String a, String b) {
    return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : null;
  }

  static Duration seconds(long s, long otherwise) {
    return Duration.ofSeconds(s > 0 ? s : otherwise);
  }
}
