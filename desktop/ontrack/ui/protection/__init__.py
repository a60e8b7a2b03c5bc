"""File ▸ Protect with a passphrase…, Change passphrase…, Remove protection…, and the
unlock dialog a protected data file opens with."""
