/** `diskutil info -plist` outputs (macOS 13/14 shape) used by the macOS tests. */

const HEAD = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
`;

/** A body camera on USB, FAT32 on the first partition. */
export const CAMERA_PLIST = `${HEAD}<dict>
	<key>AESHardware</key>
	<false/>
	<key>Bootable</key>
	<false/>
	<key>BusProtocol</key>
	<string>USB</string>
	<key>CanBeMadeBootable</key>
	<false/>
	<key>Content</key>
	<string>DOS_FAT_32</string>
	<key>DeviceBlockSize</key>
	<integer>512</integer>
	<key>DeviceIdentifier</key>
	<string>disk4s1</string>
	<key>DeviceNode</key>
	<string>/dev/disk4s1</string>
	<key>DeviceTreePath</key>
	<string>IODeviceTree:/arm-io@10F00000/usb-drd1@2280000/usb-drd1-port-hs@01100000</string>
	<key>Ejectable</key>
	<true/>
	<key>EjectableMediaAutomaticUnderSoftwareControl</key>
	<false/>
	<key>EjectableOnly</key>
	<true/>
	<key>FilesystemName</key>
	<string>MS-DOS FAT32</string>
	<key>FilesystemType</key>
	<string>msdos</string>
	<key>FilesystemUserVisibleName</key>
	<string>MS-DOS (FAT32)</string>
	<key>FreeSpace</key>
	<integer>12733382656</integer>
	<key>Internal</key>
	<false/>
	<key>MediaName</key>
	<string>DSJ &amp; Co Mass Storage</string>
	<key>MediaType</key>
	<string>Generic</string>
	<key>MountPoint</key>
	<string>/Volumes/DSJ CAM</string>
	<key>ParentWholeDisk</key>
	<string>disk4</string>
	<key>PartitionMapPartition</key>
	<true/>
	<key>RAIDMaster</key>
	<false/>
	<key>Removable</key>
	<true/>
	<key>RemovableMedia</key>
	<true/>
	<key>RemovableMediaOrExternalDevice</key>
	<true/>
	<key>SMARTStatus</key>
	<string>Not Supported</string>
	<key>Size</key>
	<integer>31914983424</integer>
	<key>SolidState</key>
	<false/>
	<key>SystemImage</key>
	<false/>
	<key>TotalSize</key>
	<integer>31914983424</integer>
	<key>VolumeAllocationBlockSize</key>
	<integer>32768</integer>
	<key>VolumeName</key>
	<string>DSJ CAM</string>
	<key>VolumeSize</key>
	<integer>31914983424</integer>
	<key>VolumeUUID</key>
	<string>0E1C9C2B-6F0A-3B7E-9D4A-64F29A10B1C2</string>
	<key>WholeDisk</key>
	<false/>
	<key>Writable</key>
	<true/>
	<key>WritableMedia</key>
	<true/>
	<key>WritableVolume</key>
	<true/>
</dict>
</plist>
`;

/** A mounted .dmg: ejectable, but "Disk Image" — never a camera. Nested dict/array/data/date included. */
export const DISK_IMAGE_PLIST = `${HEAD}<dict>
	<key>APFSContainerReference</key>
	<string>disk6</string>
	<key>APFSPhysicalStores</key>
	<array>
		<dict>
			<key>APFSPhysicalStore</key>
			<string>disk5s1</string>
		</dict>
	</array>
	<key>BusProtocol</key>
	<string>Disk Image</string>
	<key>DeviceNode</key>
	<string>/dev/disk6s1</string>
	<key>Ejectable</key>
	<true/>
	<key>FilesystemType</key>
	<string>apfs</string>
	<key>Internal</key>
	<false/>
	<key>MountPoint</key>
	<string>/Volumes/Installer</string>
	<key>RemovableMediaOrExternalDevice</key>
	<true/>
	<key>Stamp</key>
	<date>2024-05-01T08:00:00Z</date>
	<key>Blob</key>
	<data>
	AAEC
	AwQ=
	</data>
	<key>Ratio</key>
	<real>0.75</real>
	<key>VolumeName</key>
	<string>Installer</string>
	<key>VolumeUUID</key>
	<string>7D3E2C8A-1B4F-4E6D-8A9C-0F1E2D3C4B5A</string>
	<key>WritableVolume</key>
	<false/>
</dict>
</plist>
`;

/** A second internal APFS volume mounted in /Volumes. */
export const INTERNAL_PLIST = `${HEAD}<dict>
	<key>BusProtocol</key>
	<string>Apple Fabric</string>
	<key>DeviceNode</key>
	<string>/dev/disk3s7</string>
	<key>Ejectable</key>
	<false/>
	<key>FilesystemType</key>
	<string>apfs</string>
	<key>Internal</key>
	<true/>
	<key>MountPoint</key>
	<string>/Volumes/Data2</string>
	<key>Removable</key>
	<false/>
	<key>RemovableMedia</key>
	<false/>
	<key>RemovableMediaOrExternalDevice</key>
	<false/>
	<key>VolumeName</key>
	<string>Data2</string>
	<key>VolumeUUID</key>
	<string>A0B1C2D3-E4F5-4061-8293-A4B5C6D7E8F9</string>
</dict>
</plist>
`;
