-- each user's Light / Dark / System choice, read when a page is served so it is painted in the right colours
ALTER TABLE app_user ADD COLUMN theme VARCHAR(8) NOT NULL DEFAULT 'SYSTEM';
