// Request bodies and stream events are ThiqaJSON's JSONValue: whoever imports ThiqaCore reads and builds them.
@_exported import ThiqaJSON
