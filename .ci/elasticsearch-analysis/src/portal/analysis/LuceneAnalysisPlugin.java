package portal.analysis;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenizer;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractCharFilterFactory;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.AbstractTokenizerFactory;
import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.PreConfiguredTokenFilter;
import org.elasticsearch.index.analysis.PreConfiguredTokenizer;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

/**
 * Lucene's own folding, n-gram and mapping analysis, registered under the names Elasticsearch's
 * analysis-common module gives them (asciifolding, edge_ngram, ngram, mapping).
 *
 * <p>Elasticsearch's integ-test-zip on Maven Central ships without analysis-common, and that module
 * is published nowhere on Maven Central; the Lucene classes it wraps are in the distribution's own
 * lib/lucene-analysis-common jar. This plugin only names them, with the settings the portal's index
 * (and modelsearch's) uses; any other setting is refused, so an index never silently analyses
 * differently from one on a full distribution. Production clusters run the full distribution,
 * which has analysis-common; this plugin is for the local and CI node (.ci/search-engine).
 */
public final class LuceneAnalysisPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of(
            "asciifolding", AnalysisPlugin.requiresAnalysisSettings((index, env, name, settings) -> {
                allowOnly(name, settings, "preserve_original");
                boolean preserve = settings.getAsBoolean("preserve_original", false);
                return new AbstractTokenFilterFactory(name) {
                    @Override
                    public TokenStream create(TokenStream stream) {
                        return new ASCIIFoldingFilter(stream, preserve);
                    }

                    @Override
                    public TokenStream normalize(TokenStream stream) {
                        return new ASCIIFoldingFilter(stream, false);
                    }
                };
            }),
            "edge_ngram", AnalysisPlugin.requiresAnalysisSettings((index, env, name, settings) -> {
                allowOnly(name, settings, "min_gram", "max_gram", "preserve_original");
                int min = settings.getAsInt("min_gram", 1);
                int max = settings.getAsInt("max_gram", 2);
                boolean preserve = settings.getAsBoolean("preserve_original", false);
                return new AbstractTokenFilterFactory(name) {
                    @Override
                    public TokenStream create(TokenStream stream) {
                        return new EdgeNGramTokenFilter(stream, min, max, preserve);
                    }
                };
            }),
            "ngram", AnalysisPlugin.requiresAnalysisSettings((index, env, name, settings) -> {
                allowOnly(name, settings, "min_gram", "max_gram", "preserve_original");
                int min = settings.getAsInt("min_gram", 1);
                int max = settings.getAsInt("max_gram", 2);
                checkNgramDiff(index, name, min, max);
                boolean preserve = settings.getAsBoolean("preserve_original", false);
                return new AbstractTokenFilterFactory(name) {
                    @Override
                    public TokenStream create(TokenStream stream) {
                        return new NGramTokenFilter(stream, min, max, preserve);
                    }
                };
            })
        );
    }

    /** The names used without settings ("filter": ["asciifolding"]), with Lucene's defaults. */
    @Override
    public List<PreConfiguredTokenFilter> getPreConfiguredTokenFilters() {
        return List.of(
            PreConfiguredTokenFilter.singleton("asciifolding", true, stream -> new ASCIIFoldingFilter(stream)),
            PreConfiguredTokenFilter.singleton("edge_ngram", false, false,
                stream -> new EdgeNGramTokenFilter(stream, EdgeNGramTokenizer.DEFAULT_MIN_GRAM_SIZE,
                    EdgeNGramTokenizer.DEFAULT_MAX_GRAM_SIZE, false)),
            PreConfiguredTokenFilter.singleton("ngram", false, false,
                stream -> new NGramTokenFilter(stream, NGramTokenizer.DEFAULT_MIN_NGRAM_SIZE,
                    NGramTokenizer.DEFAULT_MAX_NGRAM_SIZE, false))
        );
    }

    @Override
    public List<PreConfiguredTokenizer> getPreConfiguredTokenizers() {
        return List.of(
            PreConfiguredTokenizer.singleton("edge_ngram", () -> new EdgeNGramTokenizer(
                EdgeNGramTokenizer.DEFAULT_MIN_GRAM_SIZE, EdgeNGramTokenizer.DEFAULT_MAX_GRAM_SIZE)),
            PreConfiguredTokenizer.singleton("ngram", () -> new NGramTokenizer(
                NGramTokenizer.DEFAULT_MIN_NGRAM_SIZE, NGramTokenizer.DEFAULT_MAX_NGRAM_SIZE))
        );
    }

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        return Map.of(
            "edge_ngram", AnalysisPlugin.requiresAnalysisSettings((index, env, name, settings) -> {
                allowOnly(name, settings, "min_gram", "max_gram", "side");
                String side = settings.get("side", "front");
                if (!"front".equals(side)) {
                    throw new IllegalArgumentException("[" + name + "]: side [" + side + "] is not supported, only front");
                }
                int min = settings.getAsInt("min_gram", 1);
                int max = settings.getAsInt("max_gram", 2);
                return new AbstractTokenizerFactory(name) {
                    @Override
                    public Tokenizer create() {
                        return new EdgeNGramTokenizer(min, max);
                    }
                };
            }),
            "ngram", AnalysisPlugin.requiresAnalysisSettings((index, env, name, settings) -> {
                allowOnly(name, settings, "min_gram", "max_gram");
                int min = settings.getAsInt("min_gram", 1);
                int max = settings.getAsInt("max_gram", 2);
                checkNgramDiff(index, name, min, max);
                return new AbstractTokenizerFactory(name) {
                    @Override
                    public Tokenizer create() {
                        return new NGramTokenizer(min, max);
                    }
                };
            })
        );
    }

    @Override
    public Map<String, AnalysisProvider<CharFilterFactory>> getCharFilters() {
        return Map.of("mapping", AnalysisPlugin.requiresAnalysisSettings((index, env, name, settings) -> {
            allowOnly(name, settings, "mappings");
            List<String> rules = settings.getAsList("mappings", null);
            if (rules == null || rules.isEmpty()) {
                throw new IllegalArgumentException("mapping requires [mappings] to be configured");
            }
            NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
            for (String rule : rules) {
                int arrow = rule.indexOf("=>");
                if (arrow < 0) {
                    throw new IllegalArgumentException("Invalid mapping rule: [" + rule + "]");
                }
                String from = unescape(rule.substring(0, arrow).trim());
                String to = unescape(rule.substring(arrow + 2).trim());
                if (from.isEmpty()) {
                    throw new IllegalArgumentException("Invalid mapping rule: [" + rule + "]");
                }
                builder.add(from, to);
            }
            NormalizeCharMap map = builder.build();
            return new AbstractCharFilterFactory(name) {
                @Override
                public Reader create(Reader reader) {
                    return new MappingCharFilter(map, reader);
                }

                @Override
                public Reader normalize(Reader reader) {
                    return create(reader);
                }
            };
        }));
    }

    private static final Set<String> ALWAYS_ALLOWED = Set.of("type");

    /** Refuses settings this plugin does not implement (a full distribution would honour them). */
    static void allowOnly(String name, Settings settings, String... allowed) {
        Set<String> known = Set.of(allowed);
        List<String> unknown = new ArrayList<>();
        for (String key : settings.keySet()) {
            String top = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
            if (!known.contains(top) && !ALWAYS_ALLOWED.contains(top)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                "[" + name + "]: settings " + unknown + " are not supported by the portal's Lucene analysis plugin"
                    + " (supported: " + known + "); use a full Elasticsearch distribution");
        }
    }

    static void checkNgramDiff(IndexSettings index, String name, int min, int max) {
        int allowed = index.getMaxNgramDiff();
        if (max - min > allowed) {
            throw new IllegalArgumentException(
                "[" + name + "]: the difference between max_gram and min_gram must be at most " + allowed
                    + " (index.max_ngram_diff), not " + (max - min));
        }
    }

    /** The escapes analysis-common's mapping rules accept: \\uXXXX, \\n, \\t, \\r, \\b, \\f, \\\\ and \\" etc. */
    static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 >= text.length()) {
                out.append(c);
                continue;
            }
            char next = text.charAt(++i);
            switch (next) {
                case 'u' -> {
                    if (i + 4 >= text.length()) {
                        throw new IllegalArgumentException("Invalid escape in mapping rule: [" + text + "]");
                    }
                    try {
                        out.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                    } catch (NumberFormatException error) {
                        throw new IllegalArgumentException("Invalid escape in mapping rule: [" + text + "]", error);
                    }
                    i += 4;
                }
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                default -> out.append(next);
            }
        }
        return out.toString();
    }
}
