package io.miniman.operation.forward;

import java.io.IOException;
import java.lang.management.ManagementFactory;

import org.snmp4j.CommunityTarget;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.UnsignedInteger32;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/**
 * SNMPv2c traps over UDP with the objects of MINIMAN-MIB (src/main/resources/mib/MINIMAN-MIB.txt):
 * one notification for an operation transition, one for an alert (a test message is an alert).
 */
final class SnmpTrapSender implements EventSender {

    /** Under enterprise 32473, the number RFC 5612 sets aside for examples and documentation. */
    static final OID ROOT = new OID("1.3.6.1.4.1.32473.42");
    static final OID OPERATION_EVENT = new OID(ROOT).append("0.1");
    static final OID ALERT = new OID(ROOT).append("0.2");
    static final OID TYPE = new OID(ROOT).append("1.1");
    static final OID NAME = new OID(ROOT).append("1.2");
    static final OID STATUS = new OID(ROOT).append("1.3");
    static final OID USER = new OID(ROOT).append("1.4");
    static final OID TARGET = new OID(ROOT).append("1.5");
    static final OID DURATION_MS = new OID(ROOT).append("1.6");
    static final OID MESSAGE = new OID(ROOT).append("1.7");
    static final OID COUNT = new OID(ROOT).append("1.8");
    static final OID OPERATION_ID = new OID(ROOT).append("1.9");

    private final ForwardAddress address;
    private final OctetString community;
    private Snmp snmp;

    SnmpTrapSender(ForwardAddress address, String community) {
        if (address.protocol() != ForwardAddress.Protocol.UDP) {
            throw new IllegalArgumentException("SNMP traps are sent over udp://");
        }
        this.address = address;
        this.community = new OctetString(community == null || community.isEmpty() ? "public" : community);
    }

    @Override
    public void send(ForwardEvent event) throws IOException {
        CommunityTarget<UdpAddress> target = new CommunityTarget<>(new UdpAddress(address.resolve(), address.port()), community);
        target.setVersion(SnmpConstants.version2c);
        if (snmp == null) {
            snmp = new Snmp(new DefaultUdpTransportMapping());
        }
        snmp.send(pdu(event), target);
    }

    static PDU pdu(ForwardEvent event) {
        PDU pdu = new PDU();
        pdu.setType(PDU.TRAP);
        pdu.add(new VariableBinding(SnmpConstants.sysUpTime,
                new TimeTicks(ManagementFactory.getRuntimeMXBean().getUptime() / 10)));
        pdu.add(new VariableBinding(SnmpConstants.snmpTrapOID,
                event.kind() == ForwardEvent.Kind.OPERATION ? OPERATION_EVENT : ALERT));
        text(pdu, TYPE, event.type());
        text(pdu, NAME, event.name());
        text(pdu, STATUS, event.status());
        text(pdu, USER, event.user());
        text(pdu, TARGET, event.target());
        if (event.durationMillis() != null) {
            pdu.add(new VariableBinding(DURATION_MS, new UnsignedInteger32(Math.min(event.durationMillis(), 0xFFFFFFFFL))));
        }
        text(pdu, MESSAGE, event.summary());
        if (event.kind() != ForwardEvent.Kind.OPERATION) {
            pdu.add(new VariableBinding(COUNT, new UnsignedInteger32(event.count())));
        }
        if (event.operationId() != null) {
            pdu.add(new VariableBinding(OPERATION_ID, new UnsignedInteger32(event.operationId())));
        }
        return pdu;
    }

    private static void text(PDU pdu, OID oid, String value) {
        if (value != null) {
            // DisplayString is at most 255 octets
            String bounded = value.length() <= 255 ? value : value.substring(0, 254) + "…";
            pdu.add(new VariableBinding(oid, new OctetString(bounded)));
        }
    }

    @Override
    public void close() {
        if (snmp != null) {
            try {
                snmp.close();
            } catch (IOException e) {
                // the socket is being dropped anyway
            }
            snmp = null;
        }
    }
}
