package dev.claimtrail.events;

/**
 * Events of the {@code articles} stream, keyed by article id. The log is kept forever: it is the
 * source every downstream state is rebuilt from.
 */
public sealed interface ArticleEvent extends Event permits ArticleIngested, ArticleRevised {

    /** The article as it stands after this event. */
    ArticleSnapshot article();

    @Override
    default String articleId() {
        return article().id();
    }
}
