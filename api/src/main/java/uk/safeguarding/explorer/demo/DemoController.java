package uk.safeguarding.explorer.demo;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/demo}: whether the fictional demo families are in this database and, if so, the
 * day they are seen on and their family names, so that the explorer can tell a new user that the
 * demo's records end in 2018 (opened on today's date, its children have grown up and its
 * households have ended) and offer that day. Nothing else about the data: {"families": false}
 * wherever the demo data is off or was not loaded.
 */
@RestController
class DemoController {

    private final DemoDataLoader loader;

    DemoController(DemoDataLoader loader) {
        this.loader = loader;
    }

    @GetMapping("/api/demo")
    Map<String, Object> demo() {
        var demo = new LinkedHashMap<String, Object>();
        var loaded = loader.familiesLoaded();
        demo.put("families", loaded);
        if (loaded) {
            demo.put("day", DemoDataLoader.DAY.toString());
            demo.put("familyNames", DemoDataLoader.FAMILY_NAMES);
        }
        return demo;
    }
}
