package org.lancang.freight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lancang.reference.ReferenceData;
import org.lancang.testing.ReferenceFiles;
import org.lancang.testing.WorldCurrencies;

/** Every unit of every pool has its own number, and the number passes the checks a consignment note makes. */
class PoolsTest {
    @Test
    void everyUnitNumberIsUniqueAndValid() {
        ReferenceFiles files = ReferenceFiles.chinaLaos();
        FreightData data = FreightData.parse(ReferenceData.parse(files).network(), WorldCurrencies.TABLE, files);
        Set<String> seen = new HashSet<>();
        int total = 0;
        for (Pools.Pool pool : data.pools()) {
            assertThat(pool.units()).hasSize(pool.count());
            for (String unit : pool.units()) {
                assertThat(seen.add(unit)).as(unit).isTrue();
                if (pool.kind().isBox()) {
                    assertThat(ContainerNumber.check(unit, "u")).isEqualTo(unit);
                } else {
                    assertThat(WagonNumber.check(unit, "u")).isEqualTo(unit);
                }
                total++;
            }
        }
        assertThat(total).isPositive();
    }
}
