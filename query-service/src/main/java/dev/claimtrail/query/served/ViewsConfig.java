package dev.claimtrail.query.served;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the cross-article views decide that claims belong together (see application.properties). */
@ConfigMapping(prefix = "claimtrail.views")
public interface ViewsConfig {

    @WithDefault("3")
    int maxGapDays();

    @WithDefault("90")
    int undatedWindowDays();

    @WithDefault("0.6")
    double minWordOverlap();

    @WithDefault("3")
    int minSharedWords();

    @WithDefault("180")
    int denialWindowDays();

    @WithDefault("2")
    int denialMinSharedWords();
}
