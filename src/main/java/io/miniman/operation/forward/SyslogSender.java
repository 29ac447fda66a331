package io.miniman.operation.forward;

import java.io.IOException;
import java.util.Date;

import com.cloudbees.syslog.Facility;
import com.cloudbees.syslog.MessageFormat;
import com.cloudbees.syslog.SDElement;
import com.cloudbees.syslog.SDParam;
import com.cloudbees.syslog.Severity;
import com.cloudbees.syslog.SyslogMessage;
import com.cloudbees.syslog.sender.AbstractSyslogMessageSender;
import com.cloudbees.syslog.sender.TcpSyslogMessageSender;
import com.cloudbees.syslog.sender.UdpSyslogMessageSender;

/**
 * RFC 5424 messages: APP-NAME "miniman", MSGID the event kind, and the operation's fields as structured
 * data under the SD-ID {@value #SD_ID}. Over TCP and TLS the frames are octet-counted (RFC 5425/6587),
 * which rsyslog, syslog-ng and Graylog read; over UDP one message per datagram.
 */
final class SyslogSender implements EventSender {

    /** 32473 is the enterprise number RFC 5612 sets aside for examples and documentation. */
    static final String SD_ID = "miniman@32473";
    private static final String PROC_ID = String.valueOf(ProcessHandle.current().pid());

    private final AbstractSyslogMessageSender sender;
    private final ForwardAddress address;
    private final String hostname;

    SyslogSender(ForwardAddress address, String hostname) {
        this.address = address;
        this.hostname = hostname;
        if (address.protocol() == ForwardAddress.Protocol.UDP) {
            UdpSyslogMessageSender udp = new UdpSyslogMessageSender();
            udp.setSyslogServerHostname(address.host());
            udp.setSyslogServerPort(address.port());
            udp.setMessageFormat(MessageFormat.RFC_5424);
            sender = udp;
        } else {
            TcpSyslogMessageSender tcp = new TcpSyslogMessageSender();
            tcp.setSyslogServerHostname(address.host());
            tcp.setSyslogServerPort(address.port());
            tcp.setSsl(address.protocol() == ForwardAddress.Protocol.TLS);
            tcp.setSocketConnectTimeoutInMillis(3000);
            // one reconnect covers a collector that closed an idle connection; more would only hold the queue
            tcp.setMaxRetryCount(1);
            tcp.setMessageFormat(MessageFormat.RFC_5425);
            sender = tcp;
        }
    }

    @Override
    public void send(ForwardEvent event) throws IOException {
        // the library resolves lazily and throws an unchecked exception for an unknown name
        address.resolve();
        try {
            sender.sendMessage(message(event, hostname));
        } catch (RuntimeException e) {
            throw new IOException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    static SyslogMessage message(ForwardEvent event, String hostname) {
        SDElement data = new SDElement(SD_ID);
        param(data, "event", event.kind().word());
        param(data, "type", event.type());
        param(data, "name", event.name());
        param(data, "status", event.status());
        param(data, "user", event.user());
        param(data, "target", event.target());
        param(data, "duration_ms", event.durationMillis() == null ? null : String.valueOf(event.durationMillis()));
        param(data, "operation_id", event.operationId() == null ? null : String.valueOf(event.operationId()));
        if (event.kind() == ForwardEvent.Kind.ALERT) {
            param(data, "count", String.valueOf(event.count()));
        }
        return new SyslogMessage()
                .withTimestamp(Date.from(event.time()))
                .withHostname(hostname)
                .withAppName("miniman")
                .withProcId(PROC_ID)
                .withMsgId(event.kind().word())
                .withFacility(Facility.DAEMON)
                .withSeverity(event.kind() == ForwardEvent.Kind.ALERT ? Severity.WARNING
                        : event.failed() ? Severity.ERROR : Severity.INFORMATIONAL)
                .withSDElement(data)
                .withMsg(event.summary());
    }

    private static void param(SDElement element, String name, String value) {
        if (value != null) {
            element.addSDParam(new SDParam(name, value));
        }
    }

    @Override
    public void close() {
        if (sender instanceof TcpSyslogMessageSender tcp) {
            try {
                tcp.close();
            } catch (IOException e) {
                // the connection is being dropped anyway
            }
        }
    }
}
