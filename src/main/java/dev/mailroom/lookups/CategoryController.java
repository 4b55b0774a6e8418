package dev.mailroom.lookups;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping(CategoryController.PATH)
@Tag(name = "Categories", description = "What a ticket is about")
class CategoryController extends LookupController {

    static final String PATH = "/api/categories";

    CategoryController(LookupService lookups) {
        super(lookups, LookupKind.CATEGORY, PATH);
    }
}
