print("hegui-bench: not built yet")
