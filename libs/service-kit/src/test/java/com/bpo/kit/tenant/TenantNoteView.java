package com.bpo.kit.tenant;

public record TenantNoteView(String id, String brandId, String vendorId, String agentId, String body) {

    static TenantNoteView of(TenantNote note) {
        return new TenantNoteView(note.id, note.brandId, note.vendorId, note.agentId, note.body);
    }
}
