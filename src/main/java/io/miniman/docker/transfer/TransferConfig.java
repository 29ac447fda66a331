package io.miniman.docker.transfer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.miniman.config.MinimanProperties;

@Configuration
class TransferConfig {

    @Bean
    TransferFolder transferFolder(TransferProperties properties, MinimanProperties miniman) {
        return new TransferFolder(properties.dir() != null ? properties.dir() : miniman.dataDir().resolve("transfers"));
    }
}
