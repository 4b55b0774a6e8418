package dev.mailroom.intake.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mailroom.web.BadRequestException;
import dev.mailroom.web.ConflictException;
import dev.mailroom.web.NotFoundException;

/** Creates, changes, reorders and deletes Incoming Email Rules; names are unique case-insensitively. */
@Service
public class IncomingRuleService {

    private static final Logger log = LoggerFactory.getLogger(IncomingRuleService.class);

    private final IncomingRuleRepository rules;

    IncomingRuleService(IncomingRuleRepository rules) {
        this.rules = rules;
    }

    @Transactional(readOnly = true)
    public List<IncomingRule> list() {
        return rules.findAll();
    }

    @Transactional(readOnly = true)
    public IncomingRule get(long id) {
        return rules.findById(id).orElseThrow(() -> new NotFoundException("Incoming Email Rule", id));
    }

    @Transactional
    public IncomingRule create(IncomingRuleRequest request) {
        var rule = request.toRule();
        requireUniqueName(rule.name(), null);
        long id = rules.insert(rule);
        log.info("Incoming Email Rule '{}' created (id {})", rule.name(), id);
        return get(id);
    }

    @Transactional
    public IncomingRule update(long id, IncomingRuleRequest request) {
        get(id);
        var rule = request.toRule();
        requireUniqueName(rule.name(), id);
        rules.update(id, rule);
        log.info("Incoming Email Rule '{}' updated (id {})", rule.name(), id);
        return get(id);
    }

    @Transactional
    public void delete(long id) {
        IncomingRule rule = get(id);
        rules.delete(id);
        log.info("Incoming Email Rule '{}' deleted (id {})", rule.name(), id);
    }

    /** The new order names every rule exactly once; rules are then numbered 1, 2, 3… in that order. */
    @Transactional
    public List<IncomingRule> reorder(List<Long> ids) {
        if (ids == null) {
            throw new BadRequestException("ids", "must be the list of all rule ids in their new order");
        }
        Set<Long> existing = new HashSet<>(rules.findAll().stream().map(IncomingRule::id).toList());
        Set<Long> given = new HashSet<>();
        for (Long id : ids) {
            if (id == null || !existing.contains(id)) {
                throw new BadRequestException("ids", "Incoming Email Rule " + id + " does not exist");
            }
            if (!given.add(id)) {
                throw new BadRequestException("ids", "rule " + id + " is listed twice");
            }
        }
        if (!given.equals(existing)) {
            existing.removeAll(given);
            throw new BadRequestException("ids", "must list every rule once; missing " + existing.stream().sorted().toList());
        }
        for (int i = 0; i < ids.size(); i++) {
            rules.move(ids.get(i), i + 1);
        }
        log.info("Incoming Email Rules reordered: {}", ids);
        return rules.findAll();
    }

    private void requireUniqueName(String name, Long id) {
        rules.findByName(name).filter(other -> id == null || other.id() != id).ifPresent(other -> {
            throw new ConflictException("name", "An Incoming Email Rule named '" + other.name() + "' already exists");
        });
    }
}
