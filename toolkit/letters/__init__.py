"""Letters to representatives: template catalog, composition, PDFs, envelopes, labels and drives."""
