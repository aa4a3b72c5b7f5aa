package org.lancang.maintenance;

import java.util.Map;

/**
 * The editable fields of an asset, as a user sends them to add or change one. Country and operator are not editable:
 * the register derives them from the km range. Not checked here: {@link AssetRegister#add} and
 * {@link AssetRegister#update} check it and name the wrong field.
 */
public record AssetDraft(
        String id, AssetType type, String name, double fromKm, double toKm, Map<String, String> attributes) {

    /** The draft that would leave {@code asset} as it is: a starting point for an edit. */
    public static AssetDraft of(Asset asset) {
        return new AssetDraft(asset.id(), asset.type(), asset.name(), asset.fromKm(), asset.toKm(), asset.attributes());
    }
}
