package io.miniman.security;

/** A user's colour scheme; SYSTEM follows the device's light or dark setting (prefers-color-scheme). */
public enum ThemeChoice {
    LIGHT, DARK, SYSTEM
}
