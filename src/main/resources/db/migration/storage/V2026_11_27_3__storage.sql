-- Stored files: metadata here, bytes behind the FileStore (issue 2: material templates and samples)
CREATE TABLE storage_file (
  id           VARCHAR(36)  PRIMARY KEY,
  name         VARCHAR(200) NOT NULL,
  content_type VARCHAR(100) NOT NULL,
  size         BIGINT       NOT NULL,
  sha256       VARCHAR(64)  NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
