package org.lancang.store.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallbackPolicyTest {
    final CallbackPolicy policy = new CallbackPolicy(Set.of("Receiver.Local"));

    @ParameterizedTest
    @CsvSource({
        "2130706433, 127.0.0.1",
        "0x7f000001, 127.0.0.1",
        "0177.0.0.1, 127.0.0.1",
        "0x7f.1, 127.0.0.1",
        "127.1, 127.0.0.1",
        "10.1.2.3, 10.1.2.3",
        "0, 0.0.0.0",
        "3232235777, 192.168.1.1"
    })
    void everyFormOfAnIpv4NumberIsReadAsInetAton(String host, String address) throws UnknownHostException {
        assertThat(CallbackPolicy.literal(host))
                .map(InetAddress::getHostAddress)
                .contains(address);
    }

    @ParameterizedTest
    @CsvSource({"example.org", "1a.example", "0xcafe.example", "1.2.3.4.5", "4294967296", "256.1.1.1"})
    void namesAndImpossibleNumbersAreNotLiterals(String host) throws UnknownHostException {
        assertThat(CallbackPolicy.literal(host)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "https://127.0.0.1/, loopback",
        "https://[::1]/, loopback",
        "https://[::ffff:127.0.0.1]/, loopback",
        "https://[::127.0.0.1]/, loopback",
        "https://169.254.169.254/, link-local",
        "https://[fe80::1]/, link-local",
        "https://10.0.0.1/, private",
        "https://172.31.255.255/, private",
        "https://192.168.0.1/, private",
        "https://[fc00::1]/, private",
        "https://100.127.0.1/, private",
        "https://224.0.0.251/, multicast",
        "https://[ff05::2]/, multicast",
        "https://255.255.255.255/, broadcast",
        "https://0.0.0.0/, unspecified",
        "https://[::]/, unspecified"
    })
    void addressesInsideANetworkAreRefusedSayingWhy(String url, String why) {
        assertThat(policy.refusal(URI.create(url), true))
                .hasValueSatisfying(r -> assertThat(r).contains(why));
    }

    @Test
    void publicAddressesOverHttpsPassAndHttpOnlyToAnAllowedHost() {
        assertThat(policy.refusal(URI.create("https://93.184.215.14/hook"), true))
                .isEmpty();
        assertThat(policy.refusal(URI.create("https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/"), true))
                .isEmpty();
        assertThat(policy.refusal(URI.create("https://172.32.0.1/"), true)).isEmpty();
        assertThat(policy.refusal(URI.create("http://93.184.215.14/hook"), true))
                .hasValueSatisfying(r -> assertThat(r).contains("https"));
        // an allowed host may be over http and anywhere (a local receiver)
        assertThat(policy.refusal(URI.create("http://receiver.local:8080/hook"), true))
                .isEmpty();
    }

    @Test
    void aNameThatDoesNotResolveIsRefusedOnlyAtDelivery() {
        URI uri = URI.create("https://no-such-host.invalid/hook");
        assertThat(policy.refusal(uri, false)).isEmpty();
        assertThat(policy.refusal(uri, true))
                .hasValueSatisfying(r -> assertThat(r).contains("does not resolve"));
    }
}
