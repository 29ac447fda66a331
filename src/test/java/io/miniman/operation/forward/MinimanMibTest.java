package io.miniman.operation.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.snmp4j.smi.OID;

/**
 * The shipped MIB names every OID the traps carry, at the number the sender uses. (Debian ships no
 * SNMPv2-SMI to compile it against, so the tree is resolved here from the file's own assignments.)
 */
class MinimanMibTest {

    @Test
    void everyOidTheTrapsUseIsNamedInTheMib() throws Exception {
        String mib = Files.readString(Path.of("src/main/resources/mib/MINIMAN-MIB.txt"));
        Map<String, String> oids = new HashMap<>();
        oids.put("enterprises", "1.3.6.1.4.1");
        Matcher assignment = Pattern.compile("(?m)^(\\w+)[ \\t]+(?:MODULE-IDENTITY|OBJECT-TYPE|NOTIFICATION-TYPE|OBJECT IDENTIFIER|MODULE-COMPLIANCE|OBJECT-GROUP|NOTIFICATION-GROUP)[\\s\\S]*?::=\\s*\\{\\s*(\\w+)\\s+([\\d ]+)}")
                .matcher(mib);
        Map<String, String[]> parents = new HashMap<>();
        while (assignment.find()) {
            parents.put(assignment.group(1), new String[] {assignment.group(2), assignment.group(3).trim().replace(' ', '.')});
        }
        parents.keySet().forEach(name -> resolve(name, parents, oids));

        assertThat(oids).containsEntry("miniman", SnmpTrapSender.ROOT.toDottedString())
                .containsEntry("minimanOperationEvent", SnmpTrapSender.OPERATION_EVENT.toDottedString())
                .containsEntry("minimanAlert", SnmpTrapSender.ALERT.toDottedString())
                .containsEntry("minimanOpType", SnmpTrapSender.TYPE.toDottedString())
                .containsEntry("minimanOpName", SnmpTrapSender.NAME.toDottedString())
                .containsEntry("minimanOpStatus", SnmpTrapSender.STATUS.toDottedString())
                .containsEntry("minimanOpUser", SnmpTrapSender.USER.toDottedString())
                .containsEntry("minimanOpTarget", SnmpTrapSender.TARGET.toDottedString())
                .containsEntry("minimanOpDurationMs", SnmpTrapSender.DURATION_MS.toDottedString())
                .containsEntry("minimanMessage", SnmpTrapSender.MESSAGE.toDottedString())
                .containsEntry("minimanAlertCount", SnmpTrapSender.COUNT.toDottedString())
                .containsEntry("minimanOperationId", SnmpTrapSender.OPERATION_ID.toDottedString());
        assertThat(new OID(oids.get("minimanOpType")).startsWith(SnmpTrapSender.ROOT)).isTrue();
    }

    private static String resolve(String name, Map<String, String[]> parents, Map<String, String> oids) {
        String known = oids.get(name);
        if (known != null) {
            return known;
        }
        String[] parent = parents.get(name);
        String oid = resolve(parent[0], parents, oids) + "." + parent[1];
        oids.put(name, oid);
        return oid;
    }
}
