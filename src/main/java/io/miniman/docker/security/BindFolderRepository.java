package io.miniman.docker.security;

import org.springframework.data.jpa.repository.JpaRepository;

interface BindFolderRepository extends JpaRepository<BindFolderEntity, Long> {
}
