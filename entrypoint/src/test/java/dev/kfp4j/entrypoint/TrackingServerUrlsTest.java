package dev.kfp4j.entrypoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.kfp4j.entrypoint.TrackingServerUrls.Fault;
import org.junit.jupiter.api.Test;

/** Which fault a tracking server's URL has, first found first: what the command's and the steps' errors say. */
class TrackingServerUrlsTest {
  @Test
  void anHttpUrlWithAHostPortAndPathHasNone() {
    for (String uri : new String[] {"http://mlflow", "HTTPS://mlflow.example.com:8443/prefix/", "http://[::1]:5000/p@th"}) {
      assertNull(TrackingServerUrls.faultOf(uri), uri);
    }
  }

  @Test
  void eachFaultIsNamed() {
    assertEquals(Fault.USER_INFO, TrackingServerUrls.faultOf("https://alice:pw@mlflow?token=abc"), "credentials first");
    assertEquals(Fault.USER_INFO, TrackingServerUrls.faultOf("sqlite://u@db"), "whatever the scheme");
    assertEquals(Fault.NOT_HTTP_URL, TrackingServerUrls.faultOf("mlflow:5000?token=abc"));
    assertEquals(Fault.QUERY, TrackingServerUrls.faultOf("http://mlflow:5000/x?token=a#b"));
    assertEquals(Fault.FRAGMENT, TrackingServerUrls.faultOf("http://mlflow:5000/x#a?b"));
    assertEquals(Fault.WHITESPACE, TrackingServerUrls.faultOf("http://mlflow:5000\n"));
    assertEquals(Fault.NOT_HTTP_URL, TrackingServerUrls.faultOf("http://mlflow:port/x"), "a port is a number");
    assertEquals(Fault.NOT_HTTP_URL, TrackingServerUrls.faultOf("http:///x"), "no host");
  }
}
