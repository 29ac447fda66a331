package io.miniman.docker.network;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.Network;

import io.miniman.docker.DockerEngine;

/** Networks on the engine, in records. */
@Service
public class NetworkService {

    private final DockerEngine engine;
    private final ObjectMapper json = new ObjectMapper();

    public NetworkService(DockerEngine engine) {
        this.engine = engine;
    }

    /** The list endpoint leaves out attached containers, so each network is inspected (there are few). */
    public List<NetworkSummary> list() {
        List<NetworkSummary> out = new ArrayList<>();
        for (Network listed : engine.call(c -> c.listNetworksCmd().exec())) {
            Network n = engine.call(c -> c.inspectNetworkCmd().withNetworkId(listed.getId()).exec());
            List<NetworkSummary.Subnet> subnets = new ArrayList<>();
            if (n.getIpam() != null && n.getIpam().getConfig() != null) {
                n.getIpam().getConfig().forEach(cfg -> subnets.add(
                        new NetworkSummary.Subnet(cfg.getSubnet(), cfg.getGateway(), cfg.getIpRange())));
            }
            List<NetworkSummary.Attachment> attached = new ArrayList<>();
            if (n.getContainers() != null) {
                n.getContainers().values().forEach(cn -> attached.add(new NetworkSummary.Attachment(cn.getName(),
                        cn.getIpv4Address() == null ? "" : cn.getIpv4Address().replaceFirst("/\\d+$", ""))));
            }
            out.add(new NetworkSummary(n.getId(), n.getName(), n.getDriver(), n.getScope(), subnets,
                    Boolean.TRUE.equals(n.getInternal()), attached, n.getLabels() == null ? Map.of() : n.getLabels()));
        }
        return out;
    }

    /** @return the new network's id */
    public String create(NetworkSpec spec) {
        return engine.call(c -> {
            var cmd = c.createNetworkCmd().withName(spec.name()).withDriver("bridge").withInternal(spec.internal())
                    .withCheckDuplicate(true).withLabels(spec.labels());
            if (!spec.subnet().isEmpty()) {
                Network.Ipam.Config config = new Network.Ipam.Config().withSubnet(spec.subnet());
                if (!spec.gateway().isEmpty()) {
                    config.withGateway(spec.gateway());
                }
                if (!spec.ipRange().isEmpty()) {
                    config.withIpRange(spec.ipRange());
                }
                cmd.withIpam(new Network.Ipam().withConfig(config));
            }
            return cmd.exec().getId();
        });
    }

    public void remove(String network) {
        engine.run(c -> c.removeNetworkCmd(network).exec());
    }

    /** {@code alias} and {@code ipv4Address} may be empty. */
    public void connect(String network, String container, String alias, String ipv4Address) {
        if (ipv4Address != null && !ipv4Address.isBlank() && !NetworkSpec.validIpv4(ipv4Address.trim())) {
            throw new IllegalArgumentException("'" + ipv4Address + "' is not an IPv4 address");
        }
        ContainerNetwork endpoint = new ContainerNetwork();
        if (alias != null && !alias.isBlank()) {
            endpoint.withAliases(alias.trim());
        }
        if (ipv4Address != null && !ipv4Address.isBlank()) {
            endpoint.withIpamConfig(new ContainerNetwork.Ipam().withIpv4Address(ipv4Address.trim()));
        }
        engine.run(c -> c.connectToNetworkCmd().withNetworkId(network).withContainerId(container)
                .withContainerNetwork(endpoint).exec());
    }

    public void disconnect(String network, String container, boolean force) {
        engine.run(c -> c.disconnectFromNetworkCmd().withNetworkId(network).withContainerId(container).withForce(force).exec());
    }

    public String inspectJson(String network) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(engine.getJson("/networks/" + network));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
