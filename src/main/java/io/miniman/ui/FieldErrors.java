package io.miniman.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.HasValidation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;

/**
 * Puts each Bean Validation message beside the field it concerns (by property path, e.g.
 * "wifi.ssid"), so the service's validation is the only validation and a form needs no copy of it.
 * Every form uses it: the record carries the annotations, the service validates (the REST API gets
 * the same answer), and the form shows the {@link ConstraintViolationException} it gets back.
 */
public final class FieldErrors {

    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    public FieldErrors bind(String path, HasValidation field) {
        fields.put(path, field);
        return this;
    }

    public void clear() {
        fields.values().forEach(field -> {
            field.setInvalid(false);
            field.setErrorMessage(null);
        });
    }

    /** Marks the fields; returns the messages no field claimed (shown elsewhere by the caller). */
    public List<String> show(ConstraintViolationException e) {
        clear();
        List<String> unclaimed = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            String path = violation.getPropertyPath().toString();
            HasValidation field = fieldFor(path);
            if (field == null) {
                unclaimed.add(path + ": " + violation.getMessage());
            } else {
                field.setErrorMessage(field.isInvalid() && field.getErrorMessage() != null
                        ? field.getErrorMessage() + "; " + violation.getMessage() : violation.getMessage());
                field.setInvalid(true);
            }
        }
        return unclaimed;
    }

    /** "lan.dnsServers[1].<list element>" belongs to the field bound as "lan.dnsServers". */
    private HasValidation fieldFor(String path) {
        String key = path;
        while (!key.isEmpty()) {
            if (fields.containsKey(key)) {
                return fields.get(key);
            }
            int cut = Math.max(key.lastIndexOf('.'), key.lastIndexOf('['));
            key = cut < 0 ? "" : key.substring(0, cut);
        }
        return null;
    }
}
