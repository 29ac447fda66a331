package io.miniman.compose;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface StackRevisionRepository extends JpaRepository<StackRevisionEntity, Long> {

    @Query("select r from StackRevisionEntity r where r.stack = ?1 order by r.id desc")
    List<StackRevisionEntity> newestFirst(String stack, Pageable page);

    @Modifying
    @Query("delete from StackRevisionEntity r where r.stack = ?1 and r.id < ?2")
    int deleteOlderThan(String stack, long id);
}
