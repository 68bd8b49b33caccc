package org.bilim.server.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteRangeTest {
    private static final long SIZE = 1000;

    private static ByteRange partial(String header) {
        ByteRange.Request r = ByteRange.parse(header, SIZE);
        assertThat(r).isInstanceOf(ByteRange.Partial.class);
        return ((ByteRange.Partial) r).range();
    }

    @Test
    void noHeaderMeansTheWholeFile() {
        assertThat(ByteRange.parse(null, SIZE)).isInstanceOf(ByteRange.Whole.class);
        assertThat(ByteRange.parse("", SIZE)).isInstanceOf(ByteRange.Whole.class);
    }

    @Test
    void firstBytesMiddleAndOpenEnded() {
        assertThat(partial("bytes=0-99")).isEqualTo(new ByteRange(0, 99));
        assertThat(partial("bytes=500-599").contentRange(SIZE)).isEqualTo("bytes 500-599/1000");
        assertThat(partial("bytes=900-")).isEqualTo(new ByteRange(900, 999));
    }

    @Test
    void anEndPastTheFileIsCutToTheLastByte() {
        assertThat(partial("bytes=990-5000")).isEqualTo(new ByteRange(990, 999));
    }

    @Test
    void suffixRangesCountFromTheEnd() {
        assertThat(partial("bytes=-100")).isEqualTo(new ByteRange(900, 999));
        assertThat(partial("bytes=-5000")).isEqualTo(new ByteRange(0, 999));
    }

    @Test
    void rangesBeyondTheEndCannotBeSatisfied() {
        assertThat(ByteRange.parse("bytes=1000-", SIZE)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.parse("bytes=5000-6000", SIZE)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.parse("bytes=-0", SIZE)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.parse("bytes=0-", 0)).isInstanceOf(ByteRange.Unsatisfiable.class);
    }

    @Test
    void malformedOrOtherUnitsAreIgnored() {
        for (String h : new String[] {"items=0-5", "bytes=5-1", "bytes=a-b", "bytes=-", "bytes=0-1,5-6",
            "bytes=99999999999999999999-"}) {
            assertThat(ByteRange.parse(h, SIZE)).as(h).isInstanceOf(ByteRange.Whole.class);
        }
    }
}
