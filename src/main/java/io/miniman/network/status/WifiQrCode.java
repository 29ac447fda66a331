package io.miniman.network.status;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.miniman.network.settings.WifiSecurity;
import io.miniman.network.settings.WifiSettings;

/** The "join this WiFi" QR code that phone cameras understand, drawn as SVG (no AWT on the box). */
public final class WifiQrCode {

    private WifiQrCode() {
    }

    /** {@code WIFI:T:WPA;S:ssid;P:passphrase;H:true;;} with \ ; , : " escaped by a backslash. */
    public static String payload(WifiSettings wifi) {
        String type = wifi.security() == WifiSecurity.WPA3_SAE ? "SAE" : "WPA";
        return "WIFI:T:" + type + ";S:" + escape(wifi.ssid()) + ";P:" + escape(wifi.passphrase()) + ";"
                + (wifi.hidden() ? "H:true;" : "") + ";";
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == ';' || c == ',' || c == ':' || c == '"') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    static BitMatrix matrix(String payload) {
        try {
            return new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.MARGIN, 2,
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode a QR code: " + e.getMessage(), e);
        }
    }

    /** One square per dark module; the viewBox keeps it sharp at any size. */
    public static String svg(String payload) {
        BitMatrix matrix = matrix(payload);
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + matrix.getWidth() + " "
                + matrix.getHeight() + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" "
                + "fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }
}
