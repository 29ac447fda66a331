package io.miniman.network.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.miniman.network.settings.WifiSecurity;
import io.miniman.network.settings.WifiSettings;
import org.junit.jupiter.api.Test;

class WifiQrCodeTest {

    private static final WifiSettings WIFI = WifiSettings.defaults("pa;ss:wo,rd\"\\x");

    @Test
    void payloadEscapesTheSpecialCharacters() {
        assertThat(WifiQrCode.payload(WIFI.withSsid("Café;1")))
                .isEqualTo("WIFI:T:WPA;S:Café\\;1;P:pa\\;ss\\:wo\\,rd\\\"\\\\x;;");
        WifiSettings hiddenSae = new WifiSettings("wlan0", "a", "12345678", WifiSecurity.WPA3_SAE, "DE",
                WIFI.band(), 6, true, 10, false, List.of());
        assertThat(WifiQrCode.payload(hiddenSae)).isEqualTo("WIFI:T:SAE;S:a;P:12345678;H:true;;");
    }

    @Test
    void theCodeDecodesBackToThePayload() throws Exception {
        String payload = WifiQrCode.payload(WIFI.withSsid("Café ☕ ;,:"));
        BitMatrix matrix = WifiQrCode.matrix(payload);
        int scale = 4;
        int width = matrix.getWidth() * scale;
        int height = matrix.getHeight() * scale;
        int[] pixels = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = matrix.get(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF;
            }
        }
        LuminanceSource source = new RGBLuminanceSource(width, height, pixels);
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
                Map.of(DecodeHintType.CHARACTER_SET, "UTF-8")).getText();
        assertThat(decoded).isEqualTo(payload);
        assertThat(WifiQrCode.svg(payload)).startsWith("<svg").contains("viewBox=\"0 0 " + matrix.getWidth());
    }
}
