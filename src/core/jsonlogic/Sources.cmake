# Sources of src/core/jsonlogic
target_sources(spinepath_core PRIVATE
    jsonlogic/Arena.cpp
    jsonlogic/DocumentParser.cpp
    jsonlogic/Json.cpp
    jsonlogic/Operators.cpp
    jsonlogic/Rule.cpp
    jsonlogic/Value.cpp
)
