package io.miniman.config;

import java.sql.SQLException;

import org.sqlite.SQLiteErrorCode;

import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * A connection that met SQLITE_BUSY leaves the pool. When BEGIN IMMEDIATE times out, sqlite-jdbc has
 * already switched the connection to manual commit without an open transaction; handed out again, every
 * later commit on it fails with "cannot commit - no transaction is active" and the console's writes
 * fail one after another. A fresh connection costs a file open.
 */
public class BusyConnectionEviction implements SQLExceptionOverride {

    @java.lang.Override
    public Override adjudicate(SQLException e) {
        int code = e.getErrorCode() & 0xff;
        return code == SQLiteErrorCode.SQLITE_BUSY.code ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
}
