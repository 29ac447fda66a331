package io.miniman.api;

import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

import com.fasterxml.jackson.databind.DeserializationFeature;


/**
 * Spring MVC serves only the API (Vaadin has its own servlet): a body with a field no record has is
 * refused here, not silently dropped, while the application's shared ObjectMapper stays lenient for
 * the engine's and the system's JSON.
 */
@Configuration(proxyBeanMethods = false)
class ApiWebConfig implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (HttpMessageConverter<?> converter : converters) {
            if (converter instanceof MappingJackson2HttpMessageConverter json) {
                json.setObjectMapper(json.getObjectMapper().copy()
                        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
            }
        }
    }

    /**
     * Any other path under /api answers a problem document, not the console's HTML page. Consulted after the
     * controllers' mapping, which answers 405 or 415 itself when a path exists for another method or body.
     */
    @Bean
    SimpleUrlHandlerMapping unknownApiPaths() {
        HttpRequestHandler notFound = (request, response) -> Problems.write(response, request, HttpStatus.NOT_FOUND,
                "No such API endpoint", Map.of());
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(Map.of("/api/**", notFound));
        // before Vaadin's catch-all mapping, which forwards every unmatched path to its servlet
        mapping.setOrder(Ordered.LOWEST_PRECEDENCE - 2);
        return mapping;
    }


    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ApiRolesInterceptor()).addPathPatterns("/api/**");
    }
}
