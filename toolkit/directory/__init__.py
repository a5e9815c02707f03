"""Who represents whom: imported public data (Congress, ZIP to district, state legislators) and a
local address book, stored in SQLite in the data folder."""
