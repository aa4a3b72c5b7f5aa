-- The pinyin of a point's Chinese name, without tones, so that the station search finds 万象 by "wanxiang" (issue 15,
-- item 4). Filled from the reference files when the network is loaded or its names refreshed.
ALTER TABLE network_point ADD COLUMN name_pinyin text NOT NULL DEFAULT '';
