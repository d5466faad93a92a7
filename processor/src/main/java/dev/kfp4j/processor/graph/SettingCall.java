package dev.kfp4j.processor.graph;

import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.processor.base.Position;

/** A task setting as read from a call of {@code method}, and where the call is written. */
public record SettingCall(TaskSetting setting, String method, Position position) {}
